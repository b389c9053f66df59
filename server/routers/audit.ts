import { auditHistoryInput, getAuditHistory } from "../services/audit/audit-history";
import { createTRPCRouter, editorProcedure } from "../trpc/init";

export const auditRouter = createTRPCRouter({
  /** Any entity's history, or an article's or a claim's; who may read which is decided in the service's policy check. */
  history: editorProcedure.input(auditHistoryInput).query(({ ctx, input }) => getAuditHistory(ctx, input)),
});
