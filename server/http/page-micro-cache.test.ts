import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireCopies, servePageCopy } from "./page-micro-cache.mjs";

let server: Server;
let origin: string;
let rendered = 0;

// Stands in for Next behind the cache policy: every answer it renders says which render it was, carries the keys the
// policy would give it (here: the path's last segment as an article, and source:7 for the badge), and /error fails.
beforeAll(async () => {
  server = createServer((req, res) => {
    if (servePageCopy(req, res)) return;
    rendered++;
    const slug = new URL(req.url ?? "/", "http://x").pathname.split("/").pop()!.replace(".svg", "");
    res.statusCode = slug === "error" ? 500 : 200;
    if (slug === "cookie") res.setHeader("Set-Cookie", "a=b");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("xkey", `article:${slug}${req.url?.endsWith(".svg") ? " source:7" : ""}`);
    res.setHeader("ETag", `"render-${rendered}"`);
    res.setHeader("x-nextjs-cache", "MISS");
    res.write("<p>render ");
    res.end(`${rendered}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const clear = () => expireCopies(undefined);
const text = async (path: string) => (await fetch(`${origin}${path}`)).text();

describe("servePageCopy", () => {
  it("replays a reader page, byte for byte, until the app expires the copies", async () => {
    const first = await (await fetch(`${origin}/a/some-article`)).text();
    const again = await fetch(`${origin}/a/some-article`);
    expect(await again.text()).toBe(first);
    expect(again.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(again.headers.get("x-nextjs-cache"), "a replay is not Next's render").toBeNull();
    clear();
    expect(await (await fetch(`${origin}/a/some-article`)).text()).not.toBe(first);
  });

  it("keeps every public output: the home page, embed cards, badges and annotation exports", async () => {
    clear();
    const paths = ["/", "/embed/x", "/embed/x.svg", "/embed-badge/x", "/api/articles/x/annotations"];
    const first = await Promise.all(paths.map(text));
    const before = rendered;
    expect(await Promise.all(paths.map(text))).toEqual(first);
    expect(rendered, "all replayed").toBe(before);
  });

  it("expires only the copies filed under an expired key", async () => {
    clear();
    const [x, y, badge] = [await text("/a/x"), await text("/a/y"), await text("/embed/z.svg")];
    expireCopies(["article:x"]);
    expect(await text("/a/x")).not.toBe(x);
    expect(await text("/a/y")).toBe(y);
    expireCopies(["source:7"]); // a source the badge shows
    expect(await text("/embed/z.svg")).not.toBe(badge);
    expect(await text("/a/y")).toBe(y);
  });

  it("leaves everything else to Next: navigation payloads, queries, other paths, failures, responses setting cookies", async () => {
    const before = rendered;
    await fetch(`${origin}/a/other`); // stored
    await fetch(`${origin}/a/other`, { headers: { RSC: "1" } });
    await fetch(`${origin}/a/other?x=1`);
    await fetch(`${origin}/dashboard`);
    await fetch(`${origin}/dashboard`);
    await fetch(`${origin}/a/error`);
    await fetch(`${origin}/a/error`); // a failure is never stored
    await fetch(`${origin}/a/cookie`);
    await fetch(`${origin}/a/cookie`); // nor an answer that sets a cookie
    expect(rendered - before).toBe(9);
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
