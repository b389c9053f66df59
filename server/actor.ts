import type { Role } from "@/lib/roles";

/** Who is calling: resolved from the session on every request (never trusted from the client). */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; id: number; role: Role; name: string; email: string }
  /** The process itself: demo import at start, the operator CLI. Never reachable over HTTP. */
  | { kind: "system"; label: string };

export const anonymous: Actor = { kind: "anonymous" };
