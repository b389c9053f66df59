import { createCallerFactory, createTRPCRouter } from "../trpc/init";
import { articleRouter } from "./article";
import { auditRouter } from "./audit";
import { claimRouter } from "./claim";
import { dashboardRouter } from "./dashboard";
import { evidenceRouter } from "./evidence";
import { notificationRouter } from "./notification";
import { publisherRouter } from "./publisher";
import { readerRouter } from "./reader";
import { searchRouter } from "./search";
import { sourceRouter } from "./source";
import { userRouter } from "./user";

export const appRouter = createTRPCRouter({
  article: articleRouter,
  audit: auditRouter,
  claim: claimRouter,
  dashboard: dashboardRouter,
  evidence: evidenceRouter,
  notification: notificationRouter,
  publisher: publisherRouter,
  reader: readerRouter,
  search: searchRouter,
  source: sourceRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
