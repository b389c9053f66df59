import { serverEnv, type ServerEnv } from "../env.mjs";
import { createFetcher, safeFetch, type Fetcher } from "./safe-fetch";
import type { TestOnlyAllowList } from "./target";

const LOOPBACK_ORIGIN_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The exceptions FACTDESK_TEST_FETCH_ALLOW asks for, or none (decision 0029). Honoured only while the app's own
 * origin (NEXTAUTH_URL) is loopback: a server that people reach from elsewhere has a public origin, so a stray
 * setting there opens nothing. The schema already refuses anything but loopback addresses with a port.
 */
export function testFetchAllowList(env: Pick<ServerEnv, "FACTDESK_TEST_FETCH_ALLOW" | "NEXTAUTH_URL">): TestOnlyAllowList {
  if (!env.FACTDESK_TEST_FETCH_ALLOW || !env.NEXTAUTH_URL) return [];
  if (!LOOPBACK_ORIGIN_HOSTS.has(new URL(env.NEXTAUTH_URL).hostname)) return [];
  return env.FACTDESK_TEST_FETCH_ALLOW.split(",").map((entry) => {
    const colon = entry.lastIndexOf(":");
    return { address: entry.slice(0, colon).replace(/^\[|\]$/g, ""), port: Number(entry.slice(colon + 1)) };
  });
}

const holder = globalThis as unknown as { __factdeskAppFetcher?: Fetcher };

/** The fetcher of the running app: the production one, plus the test exceptions when they are honoured. */
export function appFetcher(): Fetcher {
  if (!holder.__factdeskAppFetcher) {
    const allow = testFetchAllowList(serverEnv());
    if (allow.length > 0) console.warn(`Fetcher: test-only exceptions for ${allow.map((a) => `${a.address}:${a.port}`).join(", ")} (FACTDESK_TEST_FETCH_ALLOW).`);
    holder.__factdeskAppFetcher = allow.length > 0 ? createFetcher({ testOnlyAllow: allow }) : safeFetch;
  }
  return holder.__factdeskAppFetcher;
}
