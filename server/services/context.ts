import type { Context } from "../trpc/context";

/** Services need the database (or a transaction) and the caller; nothing HTTP-specific. */
export type ServiceContext = Pick<Context, "db" | "actor">;
