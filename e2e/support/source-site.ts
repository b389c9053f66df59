import { createServer, type Server } from "node:http";

/**
 * The local web server that plays a cited news site. The app's fetcher reaches it as SOURCE_SITE_HOST only
 * because playwright.config.ts gives the server under test FACTDESK_TEST_FETCH_HOSTS (decision 0029); its
 * port is fixed per run (E2E_PORT + 1000) so that the setting can name it before the server starts.
 */
export const SOURCE_SITE_HOST = "news.sources-e2e.test";
export const sourceSitePort = () => Number(process.env.E2E_PORT ?? 3100) + 1000;
export const sourceSiteOrigin = () => `http://${SOURCE_SITE_HOST}:${sourceSitePort()}`;

export interface SourceSite {
  /** Stops serving the pages (answers 404, as a site that removed them), while still listening. */
  takeDown(): void;
  close(): Promise<void>;
}

/** Serves `pages` (path -> HTML) until taken down. */
export async function startSourceSite(pages: Record<string, string>): Promise<SourceSite> {
  let serving = true;
  const server: Server = createServer((req, res) => {
    const html = serving ? pages[new URL(req.url ?? "/", "http://site").pathname] : undefined;
    res.writeHead(html === undefined ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
    res.end(html ?? "<title>Not found</title>");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(sourceSitePort(), "127.0.0.1", resolve);
  });
  return {
    takeDown: () => void (serving = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
