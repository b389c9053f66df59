import { listSources, listSourcesInput } from "../services/source/list-sources";
import { searchSources, searchSourcesInput } from "../services/source/search-sources";
import { checkLinkInput, checkLinkNow, listDeadEvidence, recaptureInput, recaptureSource } from "../services/archive/source-archive-actions";
import { previewMetadataInput, previewSourceMetadata } from "../services/source/preview-metadata";
import { updateSource, updateSourceInput } from "../services/source/update-source";
import { adminProcedure, createTRPCRouter, editorProcedure } from "../trpc/init";

export const sourceRouter = createTRPCRouter({
  deadEvidence: editorProcedure.query(({ ctx }) => listDeadEvidence(ctx)),
  checkLink: adminProcedure.input(checkLinkInput).mutation(({ ctx, input }) => checkLinkNow(ctx, input)),
  previewMetadata: editorProcedure.input(previewMetadataInput).query(({ ctx, input }) => previewSourceMetadata(ctx, input)),
  recapture: adminProcedure.input(recaptureInput).mutation(({ ctx, input }) => recaptureSource(ctx, input)),
  search: editorProcedure.input(searchSourcesInput).query(({ ctx, input }) => searchSources(ctx, input)),
  list: adminProcedure.input(listSourcesInput).query(({ ctx, input }) => listSources(ctx, input)),
  update: adminProcedure.input(updateSourceInput).mutation(({ ctx, input }) => updateSource(ctx, input)),
});
