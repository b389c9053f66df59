import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";
import { createFetcher, type Fetcher } from "@/server/fetch";
import { ARTICLE_PAGE } from "./fixture-site";
import { fetchThrough } from "./helpers";

export { ARTICLE_PAGE } from "./fixture-site";

/** The one name the test fetcher resolves (to the loopback server); every other name has no address, so no test reaches the network. */
export const ARTICLE_HOST = "articles.test";

/**
 * Serves ARTICLE_PAGE at /article (and `extra` pages at their paths) on 127.0.0.1 for this test file, and makes
 * callerFor's callers fetch through the real safe fetcher with the test-only allow-list opened to that one port.
 */
export async function serveArticlePage(extra: Record<string, (res: http.ServerResponse) => void> = {}): Promise<{ url: (path?: string) => string; port: number; fetcher: Fetcher }> {
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/article") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE_PAGE);
    const page = extra[path];
    if (page) return page(res);
    res.writeHead(404, { "content-type": "text/html" }).end("<p>Not here</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  const port = (server.address() as AddressInfo).port;
  const fetcher = createFetcher({
    resolve: async (hostname) => (hostname === ARTICLE_HOST ? [{ address: "127.0.0.1", family: 4 }] : []),
    testOnlyAllow: [{ address: "127.0.0.1", port }],
  });
  fetchThrough(fetcher);
  return { url: (path = "/article") => `http://${ARTICLE_HOST}:${port}${path}`, port, fetcher };
}
