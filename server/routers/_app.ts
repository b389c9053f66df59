import { createCallerFactory, createTRPCRouter } from "../trpc/init";
import { articleRouter } from "./article";
import { auditRouter } from "./audit";
import { claimRouter } from "./claim";
import { evidenceRouter } from "./evidence";
import { notificationRouter } from "./notification";
import { readerRouter } from "./reader";
import { searchRouter } from "./search";
import { sourceRouter } from "./source";
import { userRouter } from "./user";

export const appRouter = createTRPCRouter({
  article: articleRouter,
  audit: auditRouter,
  claim: claimRouter,
  evidence: evidenceRouter,
  notification: notificationRouter,
  reader: readerRouter,
  search: searchRouter,
  source: sourceRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
