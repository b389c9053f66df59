import { describe, expect, it } from "vitest";
import { allowedOriginsFor, MAX_BODY_BYTES, refuseUnsafeRequest } from "./request-guard";

const SITE = "https://factdesk.example";
const allowed = [SITE];

function request(method: string, headers: Record<string, string>, url = `${SITE}/api/trpc/article.import`) {
  return new Request(url, { method, headers, body: method === "POST" ? "{}" : undefined });
}
const json = { "content-type": "application/json" };

async function message(response: Response | null): Promise<string> {
  const body = (await response?.json()) as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? "";
}

describe("refuseUnsafeRequest", () => {
  it.each([
    ["an HTML form (urlencoded)", "application/x-www-form-urlencoded"],
    ["a multipart form", "multipart/form-data; boundary=x"],
    ["text/plain (the CSRF favourite)", "text/plain;charset=UTF-8"],
  ])("refuses a POST sent as %s with 415", async (_, contentType) => {
    const response = refuseUnsafeRequest(request("POST", { "content-type": contentType }), allowed);
    expect(response?.status).toBe(415);
    expect(await message(response)).toContain("application/json");
  });

  it("refuses a POST without a content type", () => {
    expect(refuseUnsafeRequest(new Request(`${SITE}/api/trpc/x`, { method: "POST" }), allowed)?.status).toBe(415);
  });

  it("refuses JSON from a foreign Origin with 403, naming the origin", async () => {
    const response = refuseUnsafeRequest(request("POST", { ...json, origin: "https://evil.example" }), allowed);
    expect(response?.status).toBe(403);
    expect(await message(response)).toContain("https://evil.example");
  });

  it("refuses JSON marked Sec-Fetch-Site: cross-site with 403", () => {
    expect(refuseUnsafeRequest(request("POST", { ...json, "sec-fetch-site": "cross-site" }), allowed)?.status).toBe(403);
  });

  it("refuses a body over the limit with 413", () => {
    const response = refuseUnsafeRequest(request("POST", { ...json, "content-length": String(MAX_BODY_BYTES + 1) }), allowed);
    expect(response?.status).toBe(413);
  });

  it.each([
    ["same-origin JSON", { ...json, origin: SITE, "sec-fetch-site": "same-origin" }],
    ["JSON with a charset parameter", { "content-type": "Application/JSON; charset=utf-8" }],
    ["JSON without Origin (server-to-server)", json],
    ["JSON exactly at the size limit", { ...json, "content-length": String(MAX_BODY_BYTES) }],
  ])("lets %s through", (_, headers) => {
    expect(refuseUnsafeRequest(request("POST", headers), allowed)).toBeNull();
  });

  it("ignores GET, whatever its headers say (queries change nothing)", () => {
    const headers = { "content-type": "text/plain", origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    expect(refuseUnsafeRequest(request("GET", headers), allowed)).toBeNull();
  });
});

describe("allowedOriginsFor", () => {
  it("accepts the request's own origin, its Host on either scheme and NEXTAUTH_URL's origin", () => {
    const origins = allowedOriginsFor(new Request("http://127.0.0.1:3000/api/trpc/x", { headers: { host: "desk.internal:3000" } }), "https://public.example/app/");
    expect(origins).toEqual(
      expect.arrayContaining(["http://127.0.0.1:3000", "http://desk.internal:3000", "https://desk.internal:3000", "https://public.example"]),
    );
    expect(origins).not.toContain("https://evil.example");
  });
});
