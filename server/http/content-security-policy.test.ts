import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frameAncestorsFor, inlineScriptHashes } from "./content-security-policy.mjs";

const sha = (body: string) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;

describe("inlineScriptHashes", () => {
  it("hashes each executable inline script exactly as written, once", () => {
    const a = "self.__next_f.push([0])";
    const b = 'self.__next_f.push([1,"“quoted” 👍🏽 text"])';
    const html = `<p>x</p><script>${a}</script><script id="_R_">${b}</script><script>${a}</script>`;
    expect(inlineScriptHashes(html)).toEqual([sha(a), sha(b)]);
  });
  it("skips external scripts and data blocks such as JSON-LD", () => {
    const html = '<script src="/_next/static/chunks/a.js" async=""></script><script type="application/ld+json">{"a":1}</script>';
    expect(inlineScriptHashes(html)).toEqual([]);
  });
  it("hashes module and explicit JavaScript types", () => {
    expect(inlineScriptHashes('<script type="module">m()</script><script type="text/javascript">j()</script>')).toEqual([sha("m()"), sha("j()")]);
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
