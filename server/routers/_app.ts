import { createCallerFactory, createTRPCRouter } from "../trpc/init";
import { articleRouter } from "./article";
import { userRouter } from "./user";

export const appRouter = createTRPCRouter({
  article: articleRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
