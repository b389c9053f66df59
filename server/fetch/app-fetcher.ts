import { serverEnv, type ServerEnv } from "../env.mjs";
import { createFetcher, safeFetch, type Fetcher } from "./safe-fetch";
import { systemResolver, type Resolver, type TestOnlyAllowList } from "./target";

const LOOPBACK_ORIGIN_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export interface TestFetchHost {
  /** A name under .test (reserved: it never resolves on the internet), as pasted in a test's URL. */
  name: string;
  address: string;
  port: number;
}

/**
 * The test servers FACTDESK_TEST_FETCH_HOSTS names, or none (decision 0029). Honoured only while the app's own
 * origin (NEXTAUTH_URL) is loopback: a server people reach from elsewhere has a public origin, so a stray setting
 * there opens nothing. The schema refuses anything but .test names mapped to a loopback address with a port.
 */
export function testFetchHosts(env: Pick<ServerEnv, "FACTDESK_TEST_FETCH_HOSTS" | "NEXTAUTH_URL">): TestFetchHost[] {
  if (!env.FACTDESK_TEST_FETCH_HOSTS || !env.NEXTAUTH_URL) return [];
  if (!LOOPBACK_ORIGIN_HOSTS.has(new URL(env.NEXTAUTH_URL).hostname)) return [];
  return env.FACTDESK_TEST_FETCH_HOSTS.split(",").map((entry) => {
    const [name = "", target = ""] = entry.split("=");
    const colon = target.lastIndexOf(":");
    return { name, address: target.slice(0, colon).replace(/^\[|\]$/g, ""), port: Number(target.slice(colon + 1)) };
  });
}

/**
 * A fetcher that resolves the test names to their loopback server and may connect to exactly those address:port
 * pairs; every other name and address goes through the production rules unchanged.
 */
export function fetcherWithTestHosts(hosts: TestFetchHost[]): Fetcher {
  if (hosts.length === 0) return safeFetch;
  const resolve: Resolver = async (hostname) => {
    const host = hosts.find((h) => h.name === hostname.toLowerCase());
    return host ? [{ address: host.address, family: host.address.includes(":") ? 6 : 4 }] : systemResolver(hostname);
  };
  const allow: TestOnlyAllowList = hosts.map(({ address, port }) => ({ address, port }));
  return createFetcher({ resolve, testOnlyAllow: allow });
}

const holder = globalThis as unknown as { __factdeskAppFetcher?: Fetcher };

/** The fetcher of the running app: the production one, plus the test servers when they are honoured. */
export function appFetcher(): Fetcher {
  if (!holder.__factdeskAppFetcher) {
    const hosts = testFetchHosts(serverEnv());
    if (hosts.length > 0) console.warn(`Fetcher: test-only servers ${hosts.map((h) => `${h.name} -> ${h.address}:${h.port}`).join(", ")} (FACTDESK_TEST_FETCH_HOSTS).`);
    holder.__factdeskAppFetcher = fetcherWithTestHosts(hosts);
  }
  return holder.__factdeskAppFetcher;
}

/**
 * The fetcher for the edge cache's purges (FACTDESK_EDGE_PURGE_URL; server/http/edge-purge.ts), or null when no edge
 * cache is configured. The operator's cache usually listens on an internal or loopback address, which the address
 * rules refuse: this fetcher may reach exactly that configured origin, and nothing else the production one refuses.
 */
export function edgePurgeFetcher(purgeUrl: string | undefined): Fetcher | null {
  return purgeUrl ? createFetcher({ configuredInternalOrigin: purgeUrl }) : null;
}
