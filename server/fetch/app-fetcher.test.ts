import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "../env.mjs";
import { fetcherWithTestHosts, testFetchHosts } from "./app-fetcher";

const HTML = { accept: ["text/html"] } as const;

describe("FACTDESK_TEST_FETCH_HOSTS", () => {
  const env = (vars: Record<string, string>) => parseEnv(vars);

  it("is honoured on a loopback origin only", () => {
    const setting = { FACTDESK_TEST_FETCH_HOSTS: "news.e2e.test=127.0.0.1:4105,b.e2e.test=[::1]:4106" };
    const expected = [
      { name: "news.e2e.test", address: "127.0.0.1", port: 4105 },
      { name: "b.e2e.test", address: "::1", port: 4106 },
    ];
    expect(testFetchHosts(env({ ...setting, NEXTAUTH_URL: "http://localhost:3105" }))).toEqual(expected);
    expect(testFetchHosts(env({ ...setting, NEXTAUTH_URL: "http://127.0.0.1:3000" }))).toEqual(expected);
    expect(testFetchHosts(env({ ...setting, NEXTAUTH_URL: "https://factdesk.example.org" }))).toEqual([]);
    expect(testFetchHosts(env(setting))).toEqual([]);
  });

  it.each(["news.example.org=127.0.0.1:80", "news.e2e.test=10.0.0.1:80", "news.e2e.test=169.254.169.254:80", "news.e2e.test=127.0.0.1", "127.0.0.1:4105"])(
    "refuses %s at start, by name",
    (value) => expect(() => env({ FACTDESK_TEST_FETCH_HOSTS: value })).toThrow(/FACTDESK_TEST_FETCH_HOSTS must be/),
  );
});

describe("fetcherWithTestHosts", () => {
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<title>ok</title>"));
  const listening = new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("reaches the named test server, and nothing else on loopback", async () => {
    const port = await listening;
    const fetcher = fetcherWithTestHosts([{ name: "site.e2e.test", address: "127.0.0.1", port }]);
    expect((await fetcher(`http://site.e2e.test:${port}/a`, HTML)).status).toBe(200);
    await expect(fetcher(`http://site.e2e.test:${port + 1}/a`, HTML)).rejects.toMatchObject({ kind: "blocked" });
    await expect(fetcher(`http://localhost:${port}/a`, HTML)).rejects.toMatchObject({ kind: "blocked" });
    await expect(fetcher(`http://127.0.0.1:${port}/a`, HTML)).resolves.toMatchObject({ status: 200 }); // the listed pair itself
    await expect(fetcher(`http://127.0.0.2:${port}/a`, HTML)).rejects.toMatchObject({ kind: "blocked" });
  });
});
