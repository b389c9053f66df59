import { searchEverything } from "../services/search/search-everything";
import { searchInput } from "../services/search/search-input";
import { createTRPCRouter, publicProcedure } from "../trpc/init";

export const searchRouter = createTRPCRouter({
  /** Public: the service narrows to published rows for anyone below editor (policy "search.unpublished"). */
  query: publicProcedure.input(searchInput).query(({ ctx, input }) => searchEverything(ctx, input)),
});
