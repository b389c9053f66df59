import type { Database } from "@/db/types";
import type { Actor } from "../actor";
import type { PublicCache } from "../services/context";

/** What every procedure and service receives. Tests build one directly and call createCaller. */
export interface Context {
  db: Database;
  actor: Actor;
  requestId: string;
  publicCache?: PublicCache;
}
