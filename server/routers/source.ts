import { searchSources, searchSourcesInput } from "../services/source/search-sources";
import { createTRPCRouter, editorProcedure } from "../trpc/init";

export const sourceRouter = createTRPCRouter({
  search: editorProcedure.input(searchSourcesInput).query(({ ctx, input }) => searchSources(ctx, input)),
});
