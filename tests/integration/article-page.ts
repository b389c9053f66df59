import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";
import { createFetcher, type Fetcher } from "@/server/fetch";
import { fetchThrough } from "./helpers";

/** A small news page Readability finds an article in: what article.fetchFromUrl needs to answer. */
export const ARTICLE_PAGE = `<!doctype html><html><head>
  <title>Troops at the border</title>
  <meta property="og:site_name" content="Example Times">
  <meta property="article:published_time" content="2022-01-28T08:00:00Z">
</head><body>
  <nav><a href="/">Home</a></nav>
  <article>
    <h1>Troops at the border</h1>
    <p>Moscow has amassed some 100,000 troops near the border, officials said on Friday, in a statement
       that was <a href="/report">widely reported</a>.</p>
    <p>“There won’t be a war,” the <a href="https://www.example.org/2022/minister">minister</a> said.</p>
  </article>
</body></html>`;

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
