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
 * What a committed change touched that readers may see: articles (a verdict published or withdrawn, an article
 * published or edited), and the claims, sources and publishers their outputs show (a source's title or link
 * standing, a publisher's rating). Only ids: the cache works out the keys (server/http/public-change.ts).
 */
export interface PublicChange {
  articleIds?: readonly number[];
  claimIds?: readonly number[];
  sourceIds?: readonly number[];
  publisherIds?: readonly number[];
}

/**
 * Told after such a commit. The web server expires every public output showing it, in every instance and at the
 * edge (server/http/next-public-cache.ts); tests and the CLI pass nothing or a recording fake.
 */
export interface PublicCache {
  changed(change: PublicChange): Promise<void>;
}
