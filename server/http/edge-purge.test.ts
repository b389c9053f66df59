import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "../env.mjs";
import { edgePurgeFetcher } from "../fetch";
import { PURGE_KEYS_HEADER, edgePurge, purgeBatches } from "./edge-purge";

// Stands in for Varnish (deploy/varnish/default.vcl): answers a purge naming its keys, refuses one that names none,
// and on /elsewhere redirects to another port of this machine.
const seen: { method?: string; url?: string; headers: IncomingHttpHeaders }[] = [];
let port = 0;
let edge: string;
let answer = 200;
const server = http.createServer((req, res) => {
  seen.push({ method: req.method, url: req.url, headers: req.headers });
  if (req.url === "/elsewhere") return res.writeHead(302, { location: `http://127.0.0.1:${port + 1}/` }).end();
  res.writeHead(req.headers[PURGE_KEYS_HEADER] ? answer : 400, { "content-type": "text/html" }).end("<p>Purged 2 objects</p>");
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  edge = `http://127.0.0.1:${port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("edgePurge", () => {
  it("sends PURGE with the keys to the configured edge, again each time it is asked", async () => {
    const purge = edgePurge(edge);
    await purge(["published-articles", "article:some-article"]);
    await purge(["published-articles", "article:some-article"]);
    const purges = seen.filter((r) => r.method === "PURGE");
    expect(purges).toHaveLength(2);
    expect(purges.map((r) => [r.url, r.headers[PURGE_KEYS_HEADER]])).toEqual([
      ["/", "published-articles article:some-article"],
      ["/", "published-articles article:some-article"],
    ]);
  });

  it("splits a long list of keys (a publisher's thousands of articles) into purges a cache accepts, losing none", async () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `article:an-article-with-a-long-slug-${i}`);
    const before = seen.length;
    await edgePurge(edge)(keys);
    const sent = seen.slice(before).map((r) => String(r.headers[PURGE_KEYS_HEADER]));
    expect(sent.length).toBeGreaterThan(1);
    expect(Math.max(...sent.map((header) => header.length))).toBeLessThanOrEqual(4096);
    expect(sent.flatMap((header) => header.split(" "))).toEqual(keys);
    expect(purgeBatches([])).toEqual([]);
  });

  it("does nothing without FACTDESK_EDGE_PURGE_URL, or without keys", async () => {
    const before = seen.length;
    await edgePurge(undefined)(["article:x"]);
    await edgePurge(edge)([]);
    expect(seen.length).toBe(before);
  });

  it("logs, never throws, when the edge refuses or cannot be reached: the change is committed already", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      answer = 403;
      await expect(edgePurge(edge)(["article:x"])).resolves.toBeUndefined();
      answer = 200;
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const closedPort = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      await expect(edgePurge(`http://127.0.0.1:${closedPort}/`)(["article:x"])).resolves.toBeUndefined();
      expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([
        expect.stringContaining("refused the purge of article:x (HTTP 403)"),
        expect.stringContaining("Could not purge article:x"),
      ]);
    } finally {
      answer = 200;
      logged.mockRestore();
    }
  });
});

describe("the edge's fetcher", () => {
  const ANY = { accept: ["*/*"] } as const;

  it("reaches exactly the configured origin, and no other internal address", async () => {
    const fetcher = edgePurgeFetcher(edge)!;
    expect((await fetcher(`${edge}any/path`, ANY)).status).toBe(400);
    for (const other of [`http://127.0.0.1:${port + 1}/`, `http://localhost:${port}/`, `http://127.0.0.2:${port}/`, `http://[::1]:${port}/`, "http://169.254.169.254/", `https://127.0.0.1:${port}/`]) {
      await expect(fetcher(other, ANY), other).rejects.toMatchObject({ kind: "blocked" });
    }
    // A redirect away from the configured origin is checked as any other address.
    await expect(fetcher(`${edge}elsewhere`, ANY)).rejects.toMatchObject({ kind: "blocked" });
  });

  it("is none when no edge is configured, and the setting must be an http(s) URL", () => {
    expect(edgePurgeFetcher(undefined)).toBeNull();
    expect(parseEnv({ FACTDESK_EDGE_PURGE_URL: "http://127.0.0.1:6081/" }).FACTDESK_EDGE_PURGE_URL).toBe("http://127.0.0.1:6081/");
    expect(() => parseEnv({ FACTDESK_EDGE_PURGE_URL: "ftp://127.0.0.1/" })).toThrow(/FACTDESK_EDGE_PURGE_URL must be/);
  });
});
