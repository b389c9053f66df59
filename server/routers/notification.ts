import { listMyNotifications, markNotificationsRead, markNotificationsReadInput } from "../services/notification/notifications";
import { createTRPCRouter, editorProcedure } from "../trpc/init";

export const notificationRouter = createTRPCRouter({
  list: editorProcedure.query(({ ctx }) => listMyNotifications(ctx)),
  markRead: editorProcedure.input(markNotificationsReadInput).mutation(({ ctx, input }) => markNotificationsRead(ctx, input)),
});
