import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError } from "./errors";
import { DEFAULT_USER_AGENT, createFetcher, safeFetch, type FetchOptions } from "./safe-fetch";
import type { Resolver } from "./target";

// One hostile web server on loopback, one route per behaviour.
type Route = (req: IncomingMessage, res: ServerResponse) => void;
const HTML = { "content-type": "text/html; charset=utf-8" };
const BOMB = gzipSync(Buffer.alloc(32 * 1024 * 1024)); // 32 MB of zeros in about 32 KB

const seen: IncomingMessage[] = [];
let server: Server;
let port = 0;
let origin = "";

const routes: Record<string, Route> = {
  "/page": (_req, res) => res.writeHead(200, HTML).end("<title>Hello</title>"),
  "/gzip-page": (_req, res) => res.writeHead(200, { ...HTML, "content-encoding": "gzip" }).end(gzipSync("<title>Zipped</title>")),
  "/to-metadata": (_req, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
  "/to-metadata-decimal": (_req, res) => res.writeHead(301, { location: "http://2852039166/" }).end(),
  "/to-file": (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
  "/to-evil-name": (_req, res) => res.writeHead(307, { location: `http://rebind.example:${port}/page` }).end(),
  "/loop-a": (_req, res) => res.writeHead(302, { location: "/loop-b" }).end(),
  "/loop-b": (_req, res) => res.writeHead(302, { location: "/loop-a" }).end(),
  "/endless": (_req, res) => {
    res.writeHead(200, HTML);
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  },
  "/drip": (_req, res) => {
    res.writeHead(200, HTML);
    const timer = setInterval(() => res.write("."), 20);
    res.on("close", () => clearInterval(timer));
  },
  "/bomb": (_req, res) => res.writeHead(200, { ...HTML, "content-encoding": "gzip", "content-length": BOMB.length }).end(BOMB),
  "/big-declared": (_req, res) => res.writeHead(200, { ...HTML, "content-length": 20 * 1024 * 1024 }).end(),
  "/silent": () => {}, // accepts the request and never answers
  "/pdf": (_req, res) => res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7"),
  "/png": (_req, res) => res.writeHead(200, { "content-type": "image/png" }).end("png"),
  "/untyped": (_req, res) => res.writeHead(200).end("something"),
  "/gone": (_req, res) => res.writeHead(404, HTML).end("<h1>Not here</h1>"),
  "/odd-encoding": (_req, res) => res.writeHead(200, { ...HTML, "content-encoding": "compress" }).end("x"),
};
for (let hop = 1; hop <= 6; hop++) {
  routes[`/chain-${hop}`] = (_req, res) => res.writeHead(302, { location: hop === 1 ? "/page" : `/chain-${hop - 1}` }).end();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const route = routes[new URL(req.url ?? "/", "http://x").pathname];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const HTML_ONLY: FetchOptions = { accept: ["text/html"] };
const names: Record<string, string> = { "pinned.example": "127.0.0.1", "rebind.example": "10.0.0.7" };
const lookups: string[] = [];
const resolver: Resolver = async (hostname) => {
  lookups.push(hostname);
  const address = names[hostname];
  if (!address) throw new Error(`no test address for ${hostname}`);
  return [{ address, family: 4 }];
};
// The test server, and only its port, is reachable; everything else follows the production rules.
const testFetch = () => createFetcher({ resolve: resolver, testOnlyAllow: [{ address: "127.0.0.1", port }] });

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

function requestsFor(path: string): number {
  return seen.filter((req) => req.url === path).length;
}

describe("safe fetcher: ordinary pages", () => {
  it("fetches an HTML page with an identifying User-Agent", async () => {
    const result = await testFetch()(`${origin}/page`, HTML_ONLY);
    expect(result).toMatchObject({ url: `${origin}/page`, status: 200, contentType: "text/html", redirects: [] });
    expect(result.body?.toString()).toBe("<title>Hello</title>");
    const req = seen.findLast((r) => r.url === "/page");
    expect(req?.headers["user-agent"]).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^FactdeskFetcher\/\d/);
  });

  it("decompresses gzip", async () => {
    const result = await testFetch()(`${origin}/gzip-page`, HTML_ONLY);
    expect(result.body?.toString()).toBe("<title>Zipped</title>");
  });

  it("follows up to five redirects and reports them", async () => {
    const result = await testFetch()(`${origin}/chain-5`, HTML_ONLY);
    expect(result.url).toBe(`${origin}/page`);
    expect(result.redirects).toHaveLength(5);
  });

  it("returns the status of a missing page without reading its body", async () => {
    const result = await testFetch()(`${origin}/gone`, HTML_ONLY);
    expect({ status: result.status, body: result.body }).toEqual({ status: 404, body: null });
  });

  it("accepts a media type family when the use asks for one", async () => {
    const result = await testFetch()(`${origin}/png`, { accept: ["image/*"] });
    expect(result.contentType).toBe("image/png");
  });

  it("connects to the address the resolver returned, resolving once", async () => {
    lookups.length = 0;
    const result = await testFetch()(`http://pinned.example:${port}/page`, HTML_ONLY);
    expect(result.status).toBe(200);
    expect(lookups).toEqual(["pinned.example"]);
    expect(seen.findLast((r) => r.url === "/page")?.headers.host).toBe(`pinned.example:${port}`);
  });
});

describe("safe fetcher: refused before connecting", () => {
  it("production refuses the loopback test server itself", async () => {
    const before = requestsFor("/page");
    const error = await failure(safeFetch(`${origin}/page`, HTML_ONLY));
    expect(error.kind).toBe("blocked");
    expect(error.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(requestsFor("/page")).toBe(before);
  });

  it("the allow-list opens only the test server's port", async () => {
    const error = await failure(testFetch()(`http://127.0.0.1:${port === 65535 ? 1 : port + 1}/page`, HTML_ONLY));
    expect(error.kind).toBe("blocked");
  });

  it("refuses a hostname that resolves to 127.0.0.1", async () => {
    const before = requestsFor("/page");
    const error = await failure(createFetcher({ resolve: resolver })(`http://pinned.example:${port}/page`, HTML_ONLY));
    expect(error.kind).toBe("blocked");
    expect(error.message).toMatch(/resolves to 127\.0\.0\.1, a loopback address/);
    expect(requestsFor("/page")).toBe(before);
  });

  it("refuses a name when any of its addresses is private", async () => {
    const mixed: Resolver = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "fd12::1", family: 6 },
    ];
    const error = await failure(createFetcher({ resolve: mixed })("https://mixed.example/", HTML_ONLY));
    expect(error.message).toMatch(/fd12::1, a unique-local/);
  });

  it("refuses an IPv4-mapped IPv6 answer", async () => {
    const mapped: Resolver = async () => [{ address: "::ffff:10.0.0.1", family: 6 }];
    const error = await failure(createFetcher({ resolve: mapped })("https://mapped.example/", HTML_ONLY));
    expect(error.message).toMatch(/IPv4-mapped IPv6 address for 10\.0\.0\.1/);
  });

  it.each([
    ["ftp://example.com/file", /only http and https/],
    ["https://user:pw@example.com/", /user name or password/],
    ["http://localhost/", /localhost/],
    ["http://[::1]/", /loopback/],
    ["http://0x7f.1/", /loopback/],
    ["http://169.254.169.254/latest/meta-data/", /link-local/],
    ["not a url", /not a valid web address/],
  ])("refuses %s", async (url, reason) => {
    const error = await failure(testFetch()(url, HTML_ONLY));
    expect(error.kind).toBe("blocked");
    expect(error.message).toMatch(reason);
  });
});

describe("safe fetcher: hostile servers", () => {
  it("refuses a redirect to 169.254.169.254", async () => {
    const error = await failure(testFetch()(`${origin}/to-metadata`, HTML_ONLY));
    expect(error.kind).toBe("blocked");
    expect(error.message).toMatch(/169\.254\.169\.254 is a link-local address/);
  });

  it("refuses a redirect to the metadata address in decimal notation", async () => {
    const error = await failure(testFetch()(`${origin}/to-metadata-decimal`, HTML_ONLY));
    expect(error.message).toMatch(/169\.254\.169\.254/);
  });

  it("refuses a redirect to a file: URL", async () => {
    expect((await failure(testFetch()(`${origin}/to-file`, HTML_ONLY))).kind).toBe("blocked");
  });

  it("checks the host of every redirect with the resolver", async () => {
    lookups.length = 0;
    const error = await failure(testFetch()(`${origin}/to-evil-name`, HTML_ONLY));
    expect(error.kind).toBe("blocked");
    expect(error.message).toMatch(/rebind\.example is not fetched: it resolves to 10\.0\.0\.7, a private network address/);
    expect(lookups).toEqual(["rebind.example"]);
  });

  it("stops a redirect loop", async () => {
    const error = await failure(testFetch()(`${origin}/loop-a`, HTML_ONLY));
    expect(error.kind).toBe("redirect_loop");
  });

  it("stops after five redirects", async () => {
    const error = await failure(testFetch()(`${origin}/chain-6`, HTML_ONLY));
    expect(error.kind).toBe("too_many_redirects");
  });

  it("stops a body that never ends at the 10 MB default cap", async () => {
    const error = await failure(testFetch()(`${origin}/endless`, HTML_ONLY));
    expect(error.kind).toBe("too_large");
    expect(error.message).toMatch(/10,485,760-byte limit/);
  });

  it("stops a gzip bomb at the cap on decompressed bytes", async () => {
    expect(BOMB.length).toBeLessThan(1024 * 1024);
    const error = await failure(testFetch()(`${origin}/bomb`, HTML_ONLY));
    expect(error.kind).toBe("too_large");
  });

  it("refuses a declared length above the cap without reading", async () => {
    const error = await failure(testFetch()(`${origin}/big-declared`, { ...HTML_ONLY, maxBytes: 1024 }));
    expect(error.kind).toBe("too_large");
  });

  it("gives up on a server that never answers", async () => {
    const error = await failure(testFetch()(`${origin}/silent`, { ...HTML_ONLY, totalTimeoutMs: 300 }));
    expect(error.kind).toBe("timeout");
  });

  it("gives up on a body that drips forever", async () => {
    const error = await failure(testFetch()(`${origin}/drip`, { ...HTML_ONLY, totalTimeoutMs: 300 }));
    expect(error.kind).toBe("timeout");
  });

  it("gives up when resolving and connecting take too long", async () => {
    const hanging: Resolver = () => new Promise(() => {});
    const error = await failure(createFetcher({ resolve: hanging })("https://slow-dns.example/", { ...HTML_ONLY, connectTimeoutMs: 100 }));
    expect(error.kind).toBe("connect_timeout");
  });

  it("refuses a response that is not HTML when the use wants HTML", async () => {
    expect((await failure(testFetch()(`${origin}/pdf`, HTML_ONLY))).kind).toBe("unsupported_type");
    expect((await failure(testFetch()(`${origin}/untyped`, HTML_ONLY))).message).toMatch(/of no stated type/);
  });

  it("refuses an encoding it cannot decode", async () => {
    expect((await failure(testFetch()(`${origin}/odd-encoding`, HTML_ONLY))).kind).toBe("unsupported_encoding");
  });

  it("connects over TLS to the checked address and still verifies the certificate", async () => {
    const fixtures = path.join(import.meta.dirname, "__fixtures__");
    const tls = createTlsServer(
      { key: readFileSync(path.join(fixtures, "self-signed-key.pem")), cert: readFileSync(path.join(fixtures, "self-signed-cert.pem")) },
      (_req, res) => res.writeHead(200, HTML).end("<title>secret</title>"),
    );
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const tlsPort = (tls.address() as AddressInfo).port;
    try {
      lookups.length = 0;
      const fetcher = createFetcher({ resolve: resolver, testOnlyAllow: [{ address: "127.0.0.1", port: tlsPort }] });
      const error = await failure(fetcher(`https://pinned.example:${tlsPort}/`, HTML_ONLY));
      expect(error.kind).toBe("network");
      expect(error.message).toMatch(/self-signed certificate/);
      expect(lookups).toEqual(["pinned.example"]);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it("can be cancelled by the caller", async () => {
    const controller = new AbortController();
    const pending = testFetch()(`${origin}/silent`, { ...HTML_ONLY, signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).kind).toBe("aborted");
  });
});
