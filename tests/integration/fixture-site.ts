import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fetcherWithTestHosts, type Fetcher } from "@/server/fetch";

/** The name the callers' fetcher resolves to this file's fixture site (a .test name passes the canonicaliser). */
export const FIXTURE_HOST = "fixtures.factdesk.test";

const ARTICLE = readFileSync(new URL("../../lib/sources/__fixtures__/news-article-jsonld.html", import.meta.url));

let started: Promise<number> | null = null;

/**
 * A loopback web server started on first use, one per test file: /article is a saved news page, /gone answers
 * 404, anything else 200 with a bare page. Reached only through `fixtureSiteFetcher`.
 */
function fixtureSitePort(): Promise<number> {
  started ??= new Promise<number>((resolve) => {
    const server = http.createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://fixture").pathname;
      if (path === "/gone") {
        res.writeHead(404, { "content-type": "text/html" }).end("<title>Not found</title>");
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(path === "/article" ? ARTICLE : "<title>A page</title>");
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
