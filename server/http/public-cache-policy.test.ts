import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_CACHE_SECONDS, EDGE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, PUBLIC_OUTPUTS, UNSTORED_CACHE_CONTROL, applyPublicCachePolicy, matchesEtag, publicOutputFor, surrogateKeysFor, contentKeysOf, outputKeys, CONTENT_KEYS_META,
} from "./public-cache-policy.mjs";
import { markDatabaseUnavailable, noteDataShown, withRequestOutcome } from "./request-outcome.mjs";

const root = path.resolve(import.meta.dirname, "../..");

let server: Server;
let origin: string;
let version = 1;
let buildId = "build-1";
let streamed = 0;
let edgeCache = false;

// Stands in for Next behind scripts/serve.mjs: pages and route handlers, written in pieces, without ETags.
beforeAll(async () => {
  server = createServer((req, res) => {
    applyPublicCachePolicy(req, res, { buildId, edgeCache });
    withRequestOutcome(() => {
      const url = req.url ?? "/";
      if (url === "/") {
        // A page rendered per request: the same data, its parts streamed in a different order each time.
        noteDataShown({ articles: [version] });
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Content-Security-Policy", `script-src 'sha256-${streamed}'`);
        return res.end(++streamed % 2 ? `<p>a</p><p>${version}</p>` : `<p>${version}</p><p>a</p>`);
      }
      if (url === "/a/broken") {
        markDatabaseUnavailable(5);
        res.statusCode = 500;
        return res.end("<p>error page</p>");
      }
      if (url === "/a/bug") {
        res.statusCode = 500;
        return res.end("<p>error page</p>");
      }
      if (url === "/a/missing") {
        res.writeHead(404, { "Content-Type": "text/html" });
        return res.end("<p>not found</p>");
      }
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "s-maxage=3600, stale-while-revalidate=31535999"); // what Next sends for ISR pages
      res.write(`<p>version `);
      res.end(`${version}</p>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("applyPublicCachePolicy", () => {
  it("lets every cache store a public output but revalidate it each time, and answers 304 while it is unchanged", async () => {
    version = 1;
    const first = await fetch(`${origin}/a/some-article`);
    expect(first.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await first.text()).toBe("<p>version 1</p>");

    const unchanged = await fetch(`${origin}/a/some-article`, { headers: { "If-None-Match": etag! } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);

    version = 2;
    const changed = await fetch(`${origin}/a/some-article`, { headers: { "If-None-Match": etag! } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe("<p>version 2</p>");
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("gives a page rendered per request the ETag of the data it showed and the build, not of its bytes", async () => {
    version = 1;
    buildId = "build-1";
    const first = await fetch(`${origin}/`);
    const etag = first.headers.get("etag")!;
    const unchanged = await fetch(`${origin}/`, { headers: { "If-None-Match": etag } });
    expect(unchanged.status, "same data, other byte order").toBe(304);
    // The copy the browser keeps goes with its own policy; this render's policy would not fit it.
    expect(unchanged.headers.get("content-security-policy")).toBeNull();
    buildId = "build-2";
    expect((await fetch(`${origin}/`, { headers: { "If-None-Match": etag } })).status, "a new build").toBe(200);
    buildId = "build-1";
    version = 2;
    const changed = await fetch(`${origin}/`, { headers: { "If-None-Match": etag } });
    expect([changed.status, (await changed.text()).includes("<p>2</p>")]).toEqual([200, true]);
  });

  it("never lets a cache keep a failure, and turns a page the outage broke into 503 + Retry-After", async () => {
    const missing = await fetch(`${origin}/a/missing`);
    expect([missing.status, missing.headers.get("cache-control"), missing.headers.get("etag")]).toEqual([404, UNSTORED_CACHE_CONTROL, null]);
    const outage = await fetch(`${origin}/a/broken`);
    expect([outage.status, outage.headers.get("retry-after"), outage.headers.get("cache-control")]).toEqual([503, "5", UNSTORED_CACHE_CONTROL]);
    // A 500 that is not an outage stays a 500.
    const bug = await fetch(`${origin}/a/bug`);
    expect([bug.status, bug.headers.get("retry-after")]).toEqual([500, null]);
  });

  it("with a purgeable edge in front, lets it keep outputs for the safety net's hour, filed under the article's key", async () => {
    edgeCache = true;
    try {
      const page = await fetch(`${origin}/a/some-article`);
      expect(page.headers.get("cache-control")).toBe(EDGE_CACHE_CONTROL);
      expect(EDGE_CACHE_CONTROL).toContain(`s-maxage=${APP_CACHE_SECONDS}`);
      expect(EDGE_CACHE_CONTROL).toContain("stale-while-revalidate=");
      expect(page.headers.get("xkey")).toBe("article:some-article");
      expect((await fetch(`${origin}/`)).headers.get("xkey")).toBe("published-articles");
      // A failure is never kept, edge or not.
      expect((await fetch(`${origin}/a/missing`)).headers.get("cache-control")).toBe(UNSTORED_CACHE_CONTROL);
    } finally {
      edgeCache = false;
    }
    const without = await fetch(`${origin}/a/some-article`);
    expect([without.headers.get("cache-control"), without.headers.get("xkey")]).toEqual([PUBLIC_CACHE_CONTROL, "article:some-article"]);
  });

  it("leaves everything that is not a public output alone", async () => {
    const editor = await fetch(`${origin}/dashboard`);
    expect(editor.headers.get("cache-control")).toBe("s-maxage=3600, stale-while-revalidate=31535999");
    expect(editor.headers.get("etag")).toBeNull();
  });
});

describe("the policy's parts", () => {
  it("knows every public output by its path, and nothing else", () => {
    expect(["/", "/a/x", "/embed/x", "/embed/x.svg", "/embed-badge/x", "/api/articles/x/annotations"].map((p) => publicOutputFor(p)?.name)).toEqual([
      "home", "reader page", "embed card", "SVG badge", "SVG badge", "annotation export",
    ]);
    expect(["/dashboard", "/edit/1", "/api/trpc/user.me", "/login", "/a/x/y"].map((p) => publicOutputFor(p))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("compares ETags as If-None-Match does (lists, weak forms, *)", () => {
    expect(matchesEtag('"b", "a"', '"a"')).toBe(true);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag("*", '"a"')).toBe(true);
    expect(matchesEtag('"b"', '"a"')).toBe(false);
    expect(matchesEtag(undefined, '"a"')).toBe(false);
  });

  it("files every output about an article under its key, the home page under the list of articles", () => {
    expect(["/", "/a/x", "/embed/x", "/embed/x.svg", "/embed-badge/x", "/api/articles/x/annotations"].map(surrogateKeysFor)).toEqual([
      ["published-articles"], ["article:x"], ["article:x"], ["article:x"], ["article:x"], ["article:x"],
    ]);
    expect(surrogateKeysFor("/dashboard")).toEqual([]);
  });

  it("adds the keys of what an output shows: a handler's header and a page's <meta>, well-formed words only", () => {
    const claims = [
      { id: 1, sources: [{ sourceId: 7, publisherId: 3 }, { sourceId: 8, publisherId: null }] },
      { id: 2, sources: [{ sourceId: 7, publisherId: 3 }] },
    ];
    expect(contentKeysOf(claims)).toEqual(["source:7", "publisher:3", "source:8", "claim:1", "claim:2"]);
    const page = Buffer.from(`<html><head><meta name="${CONTENT_KEYS_META}" content="claim:1 source:7"/></head><body>…</body></html>`);
    expect(outputKeys("/a/x", undefined, page)).toEqual(["article:x", "claim:1", "source:7"]);
    expect(outputKeys("/embed/x.svg", "claim:2 publisher:3", undefined)).toEqual(["article:x", "claim:2", "publisher:3"]);
    expect(outputKeys("/a/x", "Not A Key", undefined)).toEqual(["article:x"]);
  });

  it("keeps an output's content keys within what a cache keeps of one header, sources and publishers first", () => {
    const claims = Array.from({ length: 400 }, (_, i) => ({ id: 10_000 + i, sources: [{ sourceId: 20_000 + i, publisherId: 30_000 + i }] }));
    const keys = contentKeysOf(claims);
    expect(keys.join(" ").length).toBeLessThanOrEqual(4000);
    expect(keys.slice(0, 2)).toEqual(["source:20000", "publisher:30000"]);
    expect(keys.some((key) => key.startsWith("claim:")), "claims are the first to go").toBe(false);
  });

  it("is the reader page's revalidate (Next wants a literal there)", () => {
    const page = readFileSync(path.join(root, "app/(site)/a/[slug]/page.tsx"), "utf8");
    expect(page.match(/export const revalidate = (\d+);/)?.[1]).toBe(String(APP_CACHE_SECONDS));
  });

  it("is what docs/caching.md documents: a row for every public output, with the headers sent", () => {
    const doc = readFileSync(path.join(root, "docs/caching.md"), "utf8");
    for (const output of PUBLIC_OUTPUTS) expect(doc, output.name).toMatch(new RegExp(`^\\| ${output.name}\\b`, "m"));
    expect(doc).toContain(`\`${PUBLIC_CACHE_CONTROL}\``);
    expect(doc).toContain(`\`${UNSTORED_CACHE_CONTROL}\``);
  });
});
