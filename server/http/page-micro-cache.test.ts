import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePageCopy } from "./page-micro-cache.mjs";

let server: Server;
let origin: string;
let rendered = 0;

// Stands in for Next: every answer it renders says which render it was, and says it came from Next's cache.
beforeAll(async () => {
  server = createServer((req, res) => {
    if (servePageCopy(req, res)) return;
    rendered++;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("x-nextjs-cache", req.url?.includes("miss") ? "MISS" : "HIT");
    res.setHeader("ETag", `"render-${rendered}"`);
    res.write("<p>render ");
    res.end(`${rendered}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const clear = () => (globalThis as { __factdeskPublicPageCopies?: { clear(): void } }).__factdeskPublicPageCopies?.clear();

describe("servePageCopy", () => {
  it("replays a reader page Next served from its cache, byte for byte, until the app clears the copies", async () => {
    const first = await (await fetch(`${origin}/a/some-article`)).text();
    const again = await fetch(`${origin}/a/some-article`);
    expect(await again.text()).toBe(first);
    expect(again.headers.get("content-type")).toBe("text/html; charset=utf-8");
    clear();
    expect(await (await fetch(`${origin}/a/some-article`)).text()).not.toBe(first);
  });

  it("leaves everything else to Next: navigation payloads, queries, other paths, fresh renders", async () => {
    const before = rendered;
    await fetch(`${origin}/a/other`); // stored
    await fetch(`${origin}/a/other`, { headers: { RSC: "1" } });
    await fetch(`${origin}/a/other?x=1`);
    await fetch(`${origin}/dashboard`);
    await fetch(`${origin}/dashboard`);
    await fetch(`${origin}/a/miss`);
    await fetch(`${origin}/a/miss`); // a MISS is never stored
    expect(rendered - before).toBe(7);
  });

  it("answers a conditional request from the copy: 304 while the browser's copy is the stored one, the page otherwise", async () => {
    clear();
    const stored = await fetch(`${origin}/a/conditional`);
    const etag = stored.headers.get("etag")!;
    const before = rendered;
    const unchanged = await fetch(`${origin}/a/conditional`, { headers: { "If-None-Match": etag } });
    expect([unchanged.status, await unchanged.text(), unchanged.headers.get("etag")]).toEqual([304, "", etag]);
    const other = await fetch(`${origin}/a/conditional`, { headers: { "If-None-Match": '"an-older-render"' } });
    expect([other.status, await other.text()]).toEqual([200, await stored.text()]);
    expect(rendered, "both answered from the copy").toBe(before);
  });
});
