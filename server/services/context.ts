import type { Context } from "../trpc/context";

/** Services need the database (or a transaction) and the caller; nothing HTTP-specific. */
export type ServiceContext = Pick<Context, "db" | "actor" | "publicCache">;

/**
 * Told after a commit that changes what readers see of an article (a verdict published or withdrawn,
 * an article published). The web server invalidates its cached pages; tests and the CLI pass nothing.
 */
export interface PublicCache {
  articleChanged(articleId: number): Promise<void>;
}
