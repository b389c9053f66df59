import { describe, expect, it } from "vitest";
import { safeHttpUrl } from "./safe-http-url";

describe("safeHttpUrl", () => {
  it.each(["https://example.org/a?b=1#c", "http://example.org", "HTTPS://Example.ORG/Path"])("keeps the web address %s", (value) => {
    const safe = safeHttpUrl(value);
    expect(safe).not.toBeNull();
    expect(new URL(safe!).protocol).toMatch(/^https?:$/);
    expect(safe).toBe(new URL(value).href);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/file",
    "mailto:desk@example.org",
    "//evil.example/path",
    "/relative/path",
    "not a url",
    "",
  ])("refuses %j", (value) => {
    expect(safeHttpUrl(value)).toBeNull();
  });
});
