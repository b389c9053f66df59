import { listSources, listSourcesInput } from "../services/source/list-sources";
import { searchSources, searchSourcesInput } from "../services/source/search-sources";
import { checkLinkInput, checkLinkNow, listDeadEvidence, recaptureInput, recaptureSource } from "../services/archive/source-archive-actions";
import { previewMetadataInput, previewSourceMetadata } from "../services/source/preview-metadata";
import { mergeSources, mergeSourcesInput, unmergeSource, unmergeSourceInput } from "../services/source/merge-sources";
import { checkSourceUrl, checkSourceUrlInput, listPossibleDuplicates } from "../services/source/possible-duplicates";
import { updateSource, updateSourceInput } from "../services/source/update-source";
import { exportSourcesCsv } from "../services/source/export-csv";
import { commitImport, importIdInput, previewImport, stageImport, stageImportInput } from "../services/source/import-sources";
import { adminProcedure, createTRPCRouter, editorProcedure } from "../trpc/init";

export const sourceRouter = createTRPCRouter({
  deadEvidence: editorProcedure.query(({ ctx }) => listDeadEvidence(ctx)),
  checkLink: adminProcedure.input(checkLinkInput).mutation(({ ctx, input }) => checkLinkNow(ctx, input)),
  previewMetadata: editorProcedure.input(previewMetadataInput).query(({ ctx, input }) => previewSourceMetadata(ctx, input)),
  recapture: adminProcedure.input(recaptureInput).mutation(({ ctx, input }) => recaptureSource(ctx, input)),
  search: editorProcedure.input(searchSourcesInput).query(({ ctx, input }) => searchSources(ctx, input)),
  list: adminProcedure.input(listSourcesInput).query(({ ctx, input }) => listSources(ctx, input)),
  update: adminProcedure.input(updateSourceInput).mutation(({ ctx, input }) => updateSource(ctx, input)),
  checkUrl: adminProcedure.input(checkSourceUrlInput).query(({ ctx, input }) => checkSourceUrl(ctx, input)),
  possibleDuplicates: adminProcedure.query(({ ctx }) => listPossibleDuplicates(ctx)),
  merge: adminProcedure.input(mergeSourcesInput).mutation(({ ctx, input }) => mergeSources(ctx, input)),
  unmerge: adminProcedure.input(unmergeSourceInput).mutation(({ ctx, input }) => unmergeSource(ctx, input)),
  exportCsv: adminProcedure.query(({ ctx }) => exportSourcesCsv(ctx)),
  /** A CSV import in three steps: batches in (each checked), the dry run, then all of it in one transaction. */
  importStage: adminProcedure.input(stageImportInput).mutation(({ ctx, input }) => stageImport(ctx, input)),
  importPreview: adminProcedure.input(importIdInput).query(({ ctx, input }) => previewImport(ctx, input)),
  importCommit: adminProcedure.input(importIdInput).mutation(({ ctx, input }) => commitImport(ctx, input)),
});
