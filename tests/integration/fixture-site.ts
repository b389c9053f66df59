import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fetcherWithTestHosts, type Fetcher } from "@/server/fetch";

/** The name the callers' fetcher resolves to this file's fixture site (a .test name passes the canonicaliser). */
export const FIXTURE_HOST = "fixtures.factdesk.test";

const ARTICLE = readFileSync(new URL("../../lib/sources/__fixtures__/news-article-jsonld.html", import.meta.url));

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

let started: Promise<number> | null = null;

/**
 * A loopback web server started on first use, one per test file: /article is a saved news page (metadata),
 * /news a page Readability finds an article in (ARTICLE_PAGE), /gone answers 404, anything else 200 with a bare page. Reached only through `fixtureSiteFetcher`.
 */
function fixtureSitePort(): Promise<number> {
  started ??= new Promise<number>((resolve) => {
    const server = http.createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://fixture").pathname;
      if (path === "/gone") {
        res.writeHead(404, { "content-type": "text/html" }).end("<title>Not found</title>");
        return;
      }
      const page = path === "/article" ? ARTICLE : path === "/news" ? ARTICLE_PAGE : "<title>A page</title>";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    });
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
    // Started from inside whichever test fetches first, where no hook can be added: unref'd, it ends with the worker.
    server.unref();
  });
  return started;
}

/** The origin of the fixture site, e.g. http://fixtures.factdesk.test:41234. */
export async function fixtureSiteOrigin(): Promise<string> {
  return `http://${FIXTURE_HOST}:${await fixtureSitePort()}`;
}

/** The callers' fetcher: the production rules, plus the fixture site under FIXTURE_HOST. */
export const fixtureSiteFetcher: Fetcher = async (url, options) => {
  const port = await fixtureSitePort();
  return fetcherWithTestHosts([{ name: FIXTURE_HOST, address: "127.0.0.1", port }])(url, options);
};
