import { getAdminStats } from "../services/dashboard/admin-stats";
import { adminProcedure, createTRPCRouter } from "../trpc/init";

export const dashboardRouter = createTRPCRouter({
  /** The admin dashboard's charts (verdicts over time, coverage, sources by rating, review backlog). */
  adminStats: adminProcedure.query(({ ctx }) => getAdminStats(ctx)),
});
