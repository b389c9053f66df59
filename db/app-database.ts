import { openConfiguredDatabase, type DatabaseHandle } from "./client";

// One handle per process, kept on globalThis because Next may load this module more than once
// (route handlers and server components are bundled separately) and PGlite must be opened only once.
const holder = globalThis as unknown as { __factdeskDatabase?: Promise<DatabaseHandle> };

export function getAppDatabase(): Promise<DatabaseHandle> {
  holder.__factdeskDatabase ??= openConfiguredDatabase();
  return holder.__factdeskDatabase;
}

export async function closeAppDatabase(): Promise<void> {
  const pending = holder.__factdeskDatabase;
  holder.__factdeskDatabase = undefined;
  if (pending) await (await pending).close();
}
