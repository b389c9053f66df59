import type { Database } from "@/db/types";
import type { Actor } from "../actor";
import type { Fetcher } from "../fetch";
import type { JobRequests } from "../jobs/queue";

/**
 * What every service receives: the database (or a transaction) and who asks; nothing HTTP-specific.
 * The tRPC context (server/trpc/context.ts) extends it; tests and the CLI build one directly.
 */
export interface ServiceContext {
  db: Database;
  actor: Actor;
  publicCache?: PublicCache;
  /** Background work (captures) handed to the queue after a commit; absent where no queue runs. */
  jobs?: JobRequests;
  /** The app's safe fetcher, for work done while the caller waits (an article from its URL, a pasted link's details); absent in tests and CLIs that give none. */
  fetcher?: Fetcher;
}

/**
 * Told after a commit that changes what readers see of an article (a verdict published or withdrawn,
 * an article published). The web server expires every public output of it (server/http/public-cache.ts);
 * tests and the CLI pass nothing.
 */
export interface PublicCache {
  articleChanged(articleId: number): Promise<void>;
}
