import { inject } from "vitest";
import { createDatabase, dropDatabases } from "../../../scripts/lib/postgres-admin.mjs";

export interface FreshDatabase {
  name: string;
  /** Direct URL on the real PostgreSQL server. */
  url: string;
  /** Host and port of the real server, for a proxy in front of it. */
  host: string;
  port: number;
  /** The same database reached through another port on 127.0.0.1 (a proxy). */
  urlViaPort(port: number): string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one scenario, named after the run (the global teardown drops leftovers). */
export async function createFreshDatabase(label: string): Promise<FreshDatabase> {
  const serverUrl = inject("faultsServerUrl");
  const name = `${inject("faultsRunName")}_${label}`;
  const url = await createDatabase(serverUrl, name);
  const parsed = new URL(url);
  return {
    name,
    url,
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    urlViaPort(port) {
      const via = new URL(url);
      via.hostname = "127.0.0.1";
      via.port = String(port);
      return via.toString();
    },
    drop: async () => {
      await dropDatabases(serverUrl, name);
    },
  };
}
