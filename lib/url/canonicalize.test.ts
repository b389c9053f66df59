import { describe, expect, it } from "vitest";
import { InvalidUrlError, canonicalizeUrl, hostnameOf } from "./canonicalize";

describe("canonicalizeUrl", () => {
  it("lowercases the host, strips www, hash, default port and trailing slash", () => {
    expect(canonicalizeUrl("  https://WWW.Example.COM:443/News/Story/#section  ")).toBe(
      "https://example.com/News/Story",
    );
  });

  it("treats http and https as the same source", () => {
    expect(canonicalizeUrl("http://example.com:80/a")).toBe(canonicalizeUrl("https://example.com/a"));
    expect(canonicalizeUrl("http://example.com/a")).toBe("https://example.com/a");
  });

  it("removes tracking parameters and sorts the rest", () => {
    const url =
      "https://example.com/a?z=1&utm_source=x&UTM_Medium=y&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref_src=twsrc&a=2";
    expect(canonicalizeUrl(url)).toBe("https://example.com/a?a=2&z=1");
  });

  it.each([
    "https://youtu.be/cxghDz524HQ",
    "https://youtu.be/cxghDz524HQ?t=42",
    "https://www.youtube.com/watch?v=cxghDz524HQ",
    "http://m.youtube.com/watch?feature=share&v=cxghDz524HQ&t=1m2s",
    "https://youtube.com/shorts/cxghDz524HQ?feature=share",
    "https://www.youtube.com/embed/cxghDz524HQ",
  ])("canonicalises YouTube link %s to the watch URL", (input) => {
    expect(canonicalizeUrl(input)).toBe("https://youtube.com/watch?v=cxghDz524HQ");
  });

  it("leaves YouTube pages that are not a video to the generic rules", () => {
    expect(canonicalizeUrl("https://www.youtube.com/@moscowtimes/")).toBe("https://youtube.com/@moscowtimes");
  });

  it.each(["ftp://x", "mailto:desk@example.com", "javascript:alert(1)", "not a url", "", "example.com/a"])(
    "rejects %j with an actionable message",
    (input) => {
      expect(() => canonicalizeUrl(input)).toThrow(InvalidUrlError);
    },
  );

  it("explains why a non-web scheme is rejected", () => {
    expect(() => canonicalizeUrl("ftp://x")).toThrow(
      '"ftp://x" is not a web address: only http and https links can be sources',
    );
  });

  it("is idempotent", () => {
    const once = canonicalizeUrl("http://www.Example.com/a/?utm_source=x&b=2&a=1#top");
    expect(canonicalizeUrl(once)).toBe(once);
  });
});

describe("hostnameOf", () => {
  it("returns the lowercased host without www", () => {
    expect(hostnameOf("https://WWW.TheMoscowTimes.com/2024/04/27/x")).toBe("themoscowtimes.com");
    expect(hostnameOf("http://news.bbc.co.uk:8080/a")).toBe("news.bbc.co.uk");
  });

  it("rejects non-web input", () => {
    expect(() => hostnameOf("ftp://x")).toThrow(InvalidUrlError);
  });
});
