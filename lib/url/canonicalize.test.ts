import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidUrlError, canonicalLine, canonicalizeSource, canonicalizeUrl, hostnameOf } from "./canonicalize";

const YT = "https://youtube.com/watch?v=cxghDz524HQ";

// [rule, a, b]: both spellings must give one canonical URL.
const SAME: Array<[string, string, string]> = [
  ["scheme and host case", "HTTPS://EXAMPLE.COM/a", "https://example.com/a"],
  ["http is https", "http://example.com/a", "https://example.com/a"],
  ["default http port", "http://example.com:80/a", "https://example.com/a"],
  ["default https port", "https://example.com:443/a", "https://example.com/a"],
  ["https's port on an http link", "http://example.com:443/a", "https://example.com/a"],
  ["www. prefix", "https://www.example.com/a", "https://example.com/a"],
  ["m. prefix", "https://m.example.com/a", "https://example.com/a"],
  ["mobile. prefix", "https://mobile.example.com/a", "https://example.com/a"],
  ["prefixes stacked", "https://www.m.example.com/a", "https://example.com/a"],
  ["a mobile label inside the host", "https://en.m.wikipedia.org/wiki/Kyiv", "https://en.wikipedia.org/wiki/Kyiv"],
  ["trailing dot on the host", "https://example.com./a", "https://example.com/a"],
  ["fragment", "https://example.com/a#comments", "https://example.com/a"],
  ["trailing slash", "https://example.com/a/", "https://example.com/a"],
  ["root slash", "https://example.com/", "https://example.com"],
  ["empty query", "https://example.com/a?", "https://example.com/a"],
  ["utm_* parameters", "https://example.com/a?utm_source=x&utm_medium=y&UTM_Campaign=z", "https://example.com/a"],
  ["click ids", "https://example.com/a?fbclid=1&gclid=2&msclkid=3", "https://example.com/a"],
  ["newsletter ids", "https://example.com/a?mc_cid=3&mc_eid=4", "https://example.com/a"],
  ["social share markers", "https://example.com/a?igshid=abc&ref_src=twsrc%5Etfw", "https://example.com/a"],
  ["sorted parameters", "https://example.com/a?z=1&a=2", "https://example.com/a?a=2&z=1"],
  ["tracking dropped, the rest sorted", "https://example.com/a?z=1&utm_source=x&a=2", "https://example.com/a?a=2&z=1"],
  ["percent-encoding hex case", "https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9"],
  ["unencoded and encoded non-ASCII", "https://example.com/café", "https://example.com/caf%C3%A9"],
  ["escaped unreserved characters", "https://example.com/%7Euser/%61", "https://example.com/~user/a"],
  ["escapes in the query", "https://example.com/s?q=%e2%82%ac", "https://example.com/s?q=€"],
  ["dot segments", "https://example.com/a/b/../c/./d", "https://example.com/a/c/d"],
  ["encoded dot segments", "https://example.com/a/%2e%2E/c", "https://example.com/c"],
  ["IDN host to punycode", "https://café.example/a", "https://xn--caf-dma.example/a"],
  ["IDN host case", "https://CAFÉ.example/a", "https://xn--caf-dma.example/a"],
  ["surrounding whitespace", "  https://example.com/a \n", "https://example.com/a"],
  ["decimal IPv4 host", "http://134744072/", "https://8.8.8.8/"],
  ["hex and short IPv4 host", "http://0x8.0x8.2056/", "https://8.8.8.8"],
  ["octal IPv4 host", "http://010.010.010.010/", "https://8.8.8.8"],
  ["IPv6 host spelling", "http://[2001:4860:4860:0:0:0:0:8888]/", "https://[2001:4860:4860::8888]/"],
  ["youtu.be share link", "https://youtu.be/cxghDz524HQ", YT],
  ["youtu.be with a timestamp", "https://youtu.be/cxghDz524HQ?t=42", YT],
  ["www.youtube.com watch", "https://www.youtube.com/watch?v=cxghDz524HQ", YT],
  ["m.youtube.com with noise", "http://m.youtube.com/watch?feature=share&v=cxghDz524HQ&t=1m2s", YT],
  ["YouTube shorts", "https://youtube.com/shorts/cxghDz524HQ?feature=share", YT],
  ["YouTube embed", "https://www.youtube.com/embed/cxghDz524HQ?start=30", YT],
  ["YouTube privacy-enhanced embed", "https://www.youtube-nocookie.com/embed/cxghDz524HQ", YT],
  ["twitter.com and x.com", "https://twitter.com/jack/status/20", "https://x.com/jack/status/20"],
  ["mobile.twitter.com", "https://mobile.twitter.com/jack/status/20?s=20&t=abc", "https://x.com/jack/status/20"],
  ["a post under any handle", "https://x.com/JACK/status/20/photo/1", "https://x.com/i/web/status/20"],
  ["a twitter profile", "https://twitter.com/jack", "https://x.com/jack"],
  ["Google AMP viewer", "https://www.google.com/amp/s/www.example.com/news/story", "https://example.com/news/story"],
  ["AMP cache", "https://example-com.cdn.ampproject.org/c/s/example.com/news/story/amp", "https://example.com/news/story"],
  ["publisher AMP path suffix", "https://example.com/news/story/amp", "https://example.com/news/story"],
  ["publisher AMP path prefix", "https://example.com/amp/news/story", "https://example.com/news/story"],
  ["publisher .amp.html", "https://example.com/news/story.amp.html", "https://example.com/news/story.html"],
  ["publisher amp. host and ?amp", "https://amp.example.com/news/story?amp=1&outputType=amp", "https://example.com/news/story"],
  [
    "the seed's two YouTube links",
    "https://www.youtube.com/watch?v=cxghDz524HQ",
    "https://www.youtube.com/watch?v=cxghDz524HQ",
  ],
];

// [rule, a, b]: different documents that must stay different sources.
const DIFFERENT: Array<[string, string, string]> = [
  ["path case is kept", "https://example.com/News", "https://example.com/news"],
  ["other subdomains are kept", "https://news.example.com/a", "https://example.com/a"],
  ["a label merely starting with m is kept", "https://mail.example.com/a", "https://example.com/a"],
  ["a non-default port is kept", "https://example.com:8443/a", "https://example.com/a"],
  ["parameter values matter", "https://example.com/a?id=1", "https://example.com/a?id=2"],
  ["parameter names matter", "https://example.com/a?page=2", "https://example.com/a"],
  ["an escaped slash is not a slash", "https://example.com/a%2Fb", "https://example.com/a/b"],
  ["www is not stripped from a public suffix", "https://www.co.uk/a", "https://co.uk/a"],
  ["YouTube videos", "https://youtu.be/cxghDz524HQ", "https://youtu.be/dQw4w9WgXcQ"],
  ["a YouTube channel is not a video", "https://www.youtube.com/@moscowtimes", YT],
  ["twitter posts", "https://twitter.com/jack/status/20", "https://twitter.com/jack/status/21"],
  ["twitter profiles", "https://twitter.com/jack", "https://twitter.com/jill"],
  ["an amp-like word inside a path", "https://example.com/amp", "https://example.com"],
  ["the seed's two publishers", "https://www.youtube.com/watch?v=cxghDz524HQ", "https://www.themoscowtimes.com/2024/04/27/no-positive-response-from-us-on-main-ukraine-demand-says-russia"],
  ["IPv4 hosts", "http://8.8.8.8/", "http://8.8.4.4/"],
];

describe("canonicalizeUrl: pairs", () => {
  it("covers at least 40 pairs", () => {
    expect(SAME.length + DIFFERENT.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SAME)("same source: %s", (_rule, a, b) => {
    expect(canonicalizeUrl(a)).toBe(canonicalizeUrl(b));
  });

  it.each(DIFFERENT)("different sources: %s", (_rule, a, b) => {
    expect(canonicalizeUrl(a)).not.toBe(canonicalizeUrl(b));
  });

  it.each([...SAME, ...DIFFERENT].flatMap(([, a, b]) => [a, b]))("is idempotent on %s", (input) => {
    const once = canonicalizeUrl(input);
    expect(canonicalizeUrl(once)).toBe(once);
  });
});

describe("canonicalizeUrl: exact forms", () => {
  it.each([
    ["  HTTP://WWW.Example.COM:80/News/Story/?b=2&a=1&utm_source=x#section  ", "https://example.com/News/Story?a=1&b=2"],
    ["http://2130706433/", null],
    ["http://134744072/a", "https://8.8.8.8/a"],
    ["https://example.com?x", "https://example.com/?x"],
    ["https://example.com/a?b&a=", "https://example.com/a?a=&b"],
    ["https://example.com/a?x=2&x=1", "https://example.com/a?x=2&x=1"],
    ["https://mobile.twitter.com/Jack/status/20?s=20", "https://x.com/i/status/20"],
    ["https://www.youtube.com/@moscowtimes/", "https://youtube.com/@moscowtimes"],
    ["https://www.google.com/amp/www.example.com/a", "https://example.com/a"],
  ])("%s -> %s", (input, expected) => {
    if (expected === null) expect(() => canonicalizeUrl(input)).toThrow(InvalidUrlError);
    else expect(canonicalizeUrl(input)).toBe(expected);
  });

  it("files the seed's three links as two sources", () => {
    const text = readFileSync(path.join(import.meta.dirname, "../import/__fixtures__/seed-article.txt"), "utf8");
    const links = text.split("\n").map((line) => line.trim()).filter((line) => /^https?:\/\//.test(line));
    expect(links).toHaveLength(3);
    expect(links.map(canonicalizeUrl)).toEqual([
      YT,
      YT,
      "https://themoscowtimes.com/2024/04/27/no-positive-response-from-us-on-main-ukraine-demand-says-russia",
    ]);
  });
});

describe("canonicalizeSource: the timestamp as a locator", () => {
  it.each([
    ["https://youtu.be/cxghDz524HQ?t=42", "0:42"],
    ["https://www.youtube.com/watch?v=cxghDz524HQ&t=1h2m3s", "1:02:03"],
    ["https://www.youtube.com/embed/cxghDz524HQ?start=95", "1:35"],
    ["https://www.youtube.com/watch?v=cxghDz524HQ#t=1m30s", "1:30"],
    ["https://www.youtube.com/watch?v=cxghDz524HQ", null],
  ])("%s -> %s", (input, locator) => {
    expect(canonicalizeSource(input)).toEqual({ url: YT, locator });
  });

  it("reads no locator from other sites, where t= is often a share token", () => {
    expect(canonicalizeSource("https://twitter.com/jack/status/20?t=abc").locator).toBeNull();
    expect(canonicalizeSource("https://example.com/a?t=42").locator).toBeNull();
  });
});

// [class, input]: each must be refused with a message naming why.
const REJECTED: Array<[string, string, RegExp]> = [
  ["javascript: scheme", "javascript:alert(1)", /only http and https/],
  ["data: scheme", "data:text/html,<script>alert(1)</script>", /only http and https/],
  ["file: scheme", "file:///etc/passwd", /only http and https/],
  ["ftp: scheme", "ftp://example.com/file", /only http and https/],
  ["mailto: scheme", "mailto:desk@example.com", /only http and https/],
  ["credentials", "https://user:secret@example.com/a", /user name or password/],
  ["user name alone", "https://user@example.com/a", /user name or password/],
  ["missing host", "https://", /has no host/],
  ["missing host before a query", "http://?q=1", /has no host/],
  ["malformed", "not a url", /not a valid web address/],
  ["malformed host", "https://exa mple.com/", /not a valid web address/],
  ["no scheme", "example.com/a", /not a valid web address/],
  ["no scheme with a port", "example.com:8080/a", /not a valid web address/],
  ["empty", "", /empty/],
  ["localhost", "http://localhost:3000/", /localhost/],
  ["localhost, upper case with a dot", "http://LOCALHOST./", /localhost/],
  ["a localhost subdomain", "http://app.localhost/", /localhost/],
  ["a single-label host", "http://intranet/wiki", /local network/],
  ["an .internal name", "http://metadata.google.internal/computeMetadata/v1/", /local network/],
  ["an mDNS name", "http://printer.local/", /local network/],
  // IPv4 loopback in every notation the parser accepts.
  ["IPv4 loopback", "http://127.0.0.1/", /loopback/],
  ["IPv4 loopback, elsewhere in 127/8", "http://127.8.9.10/", /loopback/],
  ["IPv4 loopback, decimal", "http://2130706433/", /127\.0\.0\.1, a loopback/],
  ["IPv4 loopback, octal", "http://0177.0.0.1/", /127\.0\.0\.1, a loopback/],
  ["IPv4 loopback, octal integer", "http://017700000001/", /127\.0\.0\.1, a loopback/],
  ["IPv4 loopback, hex", "http://0x7f.0x0.0x0.0x1/", /127\.0\.0\.1, a loopback/],
  ["IPv4 loopback, hex integer", "http://0x7f000001/", /127\.0\.0\.1, a loopback/],
  ["IPv4 loopback, short", "http://127.1/", /127\.0\.0\.1, a loopback/],
  ["IPv4 loopback, trailing dot", "http://127.0.0.1./", /loopback/],
  // IPv4 private, link-local, unspecified and other non-public ranges.
  ["IPv4 private 10/8", "http://10.0.0.1/", /private/],
  ["IPv4 private 172.16/12", "http://172.16.5.4/", /private/],
  ["IPv4 private 192.168/16", "https://192.168.1.1/admin", /private/],
  ["IPv4 private, decimal", "http://3232235777/", /192\.168\.1\.1, a private/],
  ["IPv4 private, octal", "http://0300.0250.01.01/", /192\.168\.1\.1, a private/],
  ["IPv4 private, short", "http://10.1/", /10\.0\.0\.1, a private/],
  ["IPv4 link-local metadata", "http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254, a link-local/],
  ["IPv4 link-local metadata, decimal", "http://2852039166/", /169\.254\.169\.254, a link-local/],
  ["IPv4 link-local metadata, octal", "http://0251.0376.0251.0376/", /169\.254\.169\.254, a link-local/],
  ["IPv4 link-local metadata, short", "http://169.254.43518/", /169\.254\.169\.254, a link-local/],
  ["IPv4 unspecified", "http://0.0.0.0/", /unspecified/],
  ["IPv4 unspecified, short", "http://0/", /0\.0\.0\.0, the unspecified/],
  ["IPv4 carrier-grade NAT", "http://100.64.0.1/", /carrier-grade NAT/],
  ["IPv4 broadcast", "http://255.255.255.255/", /broadcast/],
  // IPv6 in full and short forms, and IPv4 smuggled inside IPv6.
  ["IPv6 loopback", "http://[::1]/", /::1, a loopback/],
  ["IPv6 loopback, full form", "http://[0:0:0:0:0:0:0:1]/", /::1, a loopback/],
  ["IPv6 loopback, zero-padded", "http://[0000:0000:0000:0000:0000:0000:0000:0001]:8080/", /::1, a loopback/],
  ["IPv6 unspecified", "http://[::]/", /unspecified/],
  ["IPv6 unspecified, full form", "http://[0:0:0:0:0:0:0:0]/", /unspecified/],
  ["IPv6 link-local", "http://[fe80::1]/", /link-local/],
  ["IPv6 link-local, full form", "http://[FE80:0:0:0:0:0:0:abcd]/", /link-local/],
  ["IPv6 unique-local", "http://[fd00::1]/", /unique-local/],
  ["IPv6 unique-local fc00::/7", "http://[fc12:3456::1]/", /unique-local/],
  ["IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/", /IPv4-mapped IPv6 address for 127\.0\.0\.1/],
  ["IPv4-mapped loopback, hex", "http://[::ffff:7f00:1]/", /IPv4-mapped IPv6 address for 127\.0\.0\.1/],
  ["IPv4-mapped metadata", "http://[0:0:0:0:0:ffff:a9fe:a9fe]/", /IPv4-mapped IPv6 address for 169\.254\.169\.254/],
  ["IPv4-mapped private", "http://[::ffff:192.168.0.1]/", /IPv4-mapped IPv6 address for 192\.168\.0\.1/],
  ["IPv4-mapped public", "http://[::ffff:8.8.8.8]/", /IPv4-mapped/],
  ["NAT64 loopback", "http://[64:ff9b::127.0.0.1]/", /special-purpose/],
  ["6to4 loopback", "http://[2002:7f00:1::]/", /special-purpose/],
  ["IPv4 loopback in an AMP viewer link", "https://www.google.com/amp/s/127.0.0.1/admin", /loopback/],
];

describe("canonicalizeUrl: rejections", () => {
  it.each(REJECTED)("rejects %s (%s)", (_class, input, reason) => {
    expect(() => canonicalizeUrl(input)).toThrow(InvalidUrlError);
    expect(() => canonicalizeUrl(input)).toThrow(reason);
  });

  it("explains why a non-web scheme is rejected", () => {
    expect(() => canonicalizeUrl("ftp://x")).toThrow(
      '"ftp://x" is not a web address: only http and https links can be sources',
    );
  });

  it("accepts public IP addresses", () => {
    expect(canonicalizeUrl("http://8.8.8.8/dns")).toBe("https://8.8.8.8/dns");
    expect(canonicalizeUrl("http://[2001:4860:4860::8888]/")).toBe("https://[2001:4860:4860::8888]");
  });

  it("shortens a long paste in the message", () => {
    const long = `javascript:${"x".repeat(500)}`;
    expect(canonicalLine(long).length).toBeLessThan(200);
  });
});

describe("canonicalLine", () => {
  it("prints the canonical URL or the reason", () => {
    expect(canonicalLine("http://www.example.com/a/")).toBe("https://example.com/a");
    expect(canonicalLine("http://[::1]/")).toMatch(/^REJECT: "http:\/\/\[::1\]\/" points at ::1, a loopback address/);
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
