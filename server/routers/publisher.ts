import { getPublisherHistory, listPublishers, listPublishersInput, publisherHistoryInput } from "../services/publisher/list-publishers";
import { ratePublisher, ratePublisherInput, renamePublisher, renamePublisherInput } from "../services/publisher/rate-publisher";
import { exportPublishersCsv } from "../services/source/export-csv";
import { adminProcedure, createTRPCRouter } from "../trpc/init";

export const publisherRouter = createTRPCRouter({
  list: adminProcedure.input(listPublishersInput).query(({ ctx, input }) => listPublishers(ctx, input)),
  history: adminProcedure.input(publisherHistoryInput).query(({ ctx, input }) => getPublisherHistory(ctx, input)),
  rate: adminProcedure.input(ratePublisherInput).mutation(({ ctx, input }) => ratePublisher(ctx, input)),
  exportCsv: adminProcedure.query(({ ctx }) => exportPublishersCsv(ctx)),
  rename: adminProcedure.input(renamePublisherInput).mutation(({ ctx, input }) => renamePublisher(ctx, input)),
});
