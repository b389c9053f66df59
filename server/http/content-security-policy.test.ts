import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frameAncestorsFor, inlineScriptHashes, isNextInlineScript } from "./content-security-policy.mjs";

const sha = (body: string) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
const BOOTSTRAP = "(self.__next_f=self.__next_f||[]).push([0])";
const PAYLOAD = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n“quoted” 👍🏽 \\u003c/script\\u003e"])';
const TURBOPACK = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js","static/chunks/b.js"],"runtimeModuleIds":[94553]});';

describe("isNextInlineScript", () => {
  it("recognises the scripts Next writes into a page", () => {
    for (const body of [BOOTSTRAP, PAYLOAD, TURBOPACK, "self.__next_f.push([2,null])"]) expect(isNextInlineScript(body), body).toBe(true);
  });
  it("refuses anything else, including look-alikes that smuggle code after the payload", () => {
    for (const body of ["alert(1)", 'self.__next_f.push([1,"x"]);alert(1)', 'self.__next_f.push([1,"x"]);alert(1)//"])', "window.__pwned=1", ""]) {
      expect(isNextInlineScript(body), body).toBe(false);
    }
  });
});

describe("inlineScriptHashes", () => {
  it("hashes each of Next's inline scripts exactly as written, once", () => {
    const html = `<p>x</p><script>${BOOTSTRAP}</script><script id="_R_">${TURBOPACK}</script><script>${PAYLOAD}</script><script>${BOOTSTRAP}</script>`;
    expect(inlineScriptHashes(html)).toEqual({ hashes: [sha(BOOTSTRAP), sha(TURBOPACK), sha(PAYLOAD)], refused: 0 });
  });
  it("gives an injected inline script no hash, so the browser blocks it", () => {
    const html = `<script>${BOOTSTRAP}</script><p><script>alert(1)</script></p>`;
    expect(inlineScriptHashes(html)).toEqual({ hashes: [sha(BOOTSTRAP)], refused: 1 });
  });
  it("skips external scripts and data blocks such as JSON-LD", () => {
    const html = '<script src="/_next/static/chunks/a.js" async=""></script><script type="application/ld+json">{"a":1}</script>';
    expect(inlineScriptHashes(html)).toEqual({ hashes: [], refused: 0 });
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only from self or by hash, never unsafe-inline", () => {
    const policy = contentSecurityPolicy({ scriptHashes: ["'sha256-abc'"], frameAncestors: "'none'" });
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-abc'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe("frameAncestorsFor", () => {
  it("lets only the embed card be framed", () => {
    expect(frameAncestorsFor("/embed/some-article")).toBe("*");
    expect(frameAncestorsFor("/embed/some-article.svg")).toBe("'none'");
    expect(frameAncestorsFor("/embed/a/b")).toBe("'none'");
    expect(frameAncestorsFor("/a/some-article")).toBe("'none'");
  });
});
