import { describe, expect, it } from "vitest";
import { archiveBanner, withBanner, wrapperPage } from "./archive-banner";

const facts = { originalUrl: "https://example.org/a?x=<script>", finalUrl: "https://example.org/b", capturedAt: new Date("2026-12-01T09:30:00Z"), sha256: "a".repeat(64) };

describe("archive banner", () => {
  it("names the original URL and the capture time, escaped and ASCII only", () => {
    const banner = archiveBanner({ ...facts, originalUrl: "https://example.org/é<b>" });
    expect(banner).toContain("Captured 2026-12-01 09:30:00 UTC");
    expect(banner).toContain("https://example.org/&#233;&lt;b&gt;");
    expect(banner).not.toContain("<b>");
    expect(/^[\x20-\x7e]*$/.test(banner)).toBe(true);
  });
  it("goes right after <body>, bytes of the page untouched around it", () => {
    const page = Buffer.from('<html><head></head><BODY class="x">caf\xe9</body></html>', "latin1");
    const out = withBanner(page, "<div>B</div>");
    expect(out.toString("latin1")).toBe('<html><head></head><BODY class="x"><div>B</div>caf\xe9</body></html>');
    expect(withBanner(Buffer.from("no body"), "<i>B</i>").toString()).toBe("<i>B</i>no body");
  });
  it("wraps text as escaped text and other files as a download link", () => {
    expect(wrapperPage("B", "text/plain", Buffer.from("<script>x</script>")).toString()).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(wrapperPage("B", "application/pdf", Buffer.from("%PDF")).toString()).toContain('href="?download=1"');
  });
});
