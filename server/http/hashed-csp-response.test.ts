import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inlineScriptHashes } from "./content-security-policy.mjs";
import { hashInlineScriptsInto } from "./hashed-csp-response.mjs";

// Next-shaped inline scripts (see content-security-policy.mjs), a data block, and one injected script.
const PAGE = [
  "<html><body><script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  "<p>“text”</p><script>alert(1)</script>",
  '<script type="application/ld+json">{}</script><script>self.__next_f.push([1,"payload"])</script></body></html>',
];
let server: Server;
let origin: string;

// A real HTTP server whose handler writes the way Next does: headers, several writes, end.
beforeAll(async () => {
  server = createServer((req, res) => {
    hashInlineScriptsInto(req, res);
    if (req.url?.startsWith("/page") || req.url?.startsWith("/embed/card")) {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      if (req.url.includes("etag")) res.setHeader("ETag", '"page-v1"');
      res.writeHead(200, { "X-Extra": "kept" });
      for (const part of PAGE.slice(0, -1)) res.write(part);
      res.end(PAGE.at(-1));
    } else {
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Content-Security-Policy", "default-src 'none'");
      res.end('{"ok":true}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("hashInlineScriptsInto", () => {
  it("sends the HTML unchanged with a policy listing the hash of each inline script", async () => {
    const response = await fetch(`${origin}/page`);
    const body = await response.text();
    expect(body).toBe(PAGE.join(""));
    expect(response.headers.get("x-extra")).toBe("kept");
    const policy = response.headers.get("content-security-policy") ?? "";
    const { hashes, refused } = inlineScriptHashes(body);
    expect(hashes).toHaveLength(2);
    expect(refused).toBe(1); // the injected one: no hash in the policy, so the browser will not run it
    for (const hash of hashes) expect(policy).toContain(hash);
    const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/); // hashes only: no unsafe-inline
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("remembers the policy of a page by its ETag and sends the same one when the page is served again", async () => {
    const first = await fetch(`${origin}/page?etag`);
    const second = await fetch(`${origin}/page?etag`);
    expect(await second.text()).toBe(PAGE.join(""));
    expect(second.headers.get("content-security-policy")).toBe(first.headers.get("content-security-policy"));
    expect(second.headers.get("content-security-policy")).toContain(inlineScriptHashes(PAGE.join("")).hashes[0]);
  });

  it("lets the embed card be framed", async () => {
    const response = await fetch(`${origin}/embed/card`);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
  });

  it("passes anything that is not HTML straight through, keeping its own policy", async () => {
    const response = await fetch(`${origin}/api`);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
  });
});
