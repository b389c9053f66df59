import { attachEvidence, attachEvidenceInput } from "../services/evidence/attach-evidence";
import { removeEvidence, removeEvidenceInput, updateEvidence, updateEvidenceInput } from "../services/evidence/change-evidence";
import { createTRPCRouter, editorProcedure } from "../trpc/init";

export const evidenceRouter = createTRPCRouter({
  attach: editorProcedure.input(attachEvidenceInput).mutation(({ ctx, input }) => attachEvidence(ctx, input)),
  update: editorProcedure.input(updateEvidenceInput).mutation(({ ctx, input }) => updateEvidence(ctx, input)),
  remove: editorProcedure.input(removeEvidenceInput).mutation(({ ctx, input }) => removeEvidence(ctx, input)),
});
