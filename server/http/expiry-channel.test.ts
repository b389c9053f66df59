import { describe, expect, it } from "vitest";
import { expiryPayloads } from "./expiry-channel.mjs";

describe("expiryPayloads", () => {
  it("carries every key, each notification under PostgreSQL's 8000-byte limit", () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `article:a-fairly-long-article-slug-${i}`);
    const payloads = expiryPayloads(keys);
    expect(payloads.length).toBeGreaterThan(1);
    expect(Math.max(...payloads.map((p) => Buffer.byteLength(p)))).toBeLessThan(8000);
    expect(payloads.flatMap((p) => (JSON.parse(p) as { tags: string[] }).tags)).toEqual(keys);
  });

  it("sends one notification for a short list, none for an empty one", () => {
    expect(expiryPayloads(["published-articles", "article:x"])).toEqual(['{"tags":["published-articles","article:x"]}']);
    expect(expiryPayloads([])).toEqual([]);
  });
});
