import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

describe("safeCallbackPath", () => {
  it.each(["/dashboard", "/a/russia-not-seeking-war?tab=claims#c-3", "/"])("follows the same-site path %s", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    ["a protocol-relative URL", "//evil.example/phish"],
    ["a backslash trick browsers read as //", "/\\evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "dashboard"],
    ["an empty value", ""],
    ["null", null],
    ["undefined", undefined],
  ])("falls back for %s", (_, value) => {
    expect(safeCallbackPath(value)).toBe("/dashboard");
    expect(safeCallbackPath(value, "/home")).toBe("/home");
  });
});
