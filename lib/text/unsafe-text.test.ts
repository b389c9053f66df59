import { describe, expect, it } from "vitest";
import { findUnstorableText } from "./unsafe-text";

describe("findUnstorableText", () => {
  it("accepts ordinary text, emoji (valid surrogate pairs), curly quotes and nested values", () => {
    expect(findUnstorableText({ a: "“Quote” 👍🏽 𝒳", b: ["ok", { c: "fine" }], n: 3, z: null })).toBeNull();
  });
  it("names the path of a NUL character", () => {
    expect(findUnstorableText({ claim: { rationale: "a\u0000b" } })).toBe("claim.rationale");
  });
  it("finds lone high and low surrogates, in arrays too", () => {
    expect(findUnstorableText({ items: ["ok", "x\uD800"] })).toBe("items.1");
    expect(findUnstorableText("\uDC00y")).toBe("input");
  });
});
