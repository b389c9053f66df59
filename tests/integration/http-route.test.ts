import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import type { DatabaseHandle } from "@/db/client";
import type { Actor } from "@/server/actor";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "@/server/http/request-guard";
import { claimInReview, createArticle } from "./claims-fixtures";
import { openTestDatabase, query } from "./helpers";
import { createCallers, type Callers } from "./security-fixtures";

// The REAL route handler of app/api/trpc/[trpc]/route.ts (request guard + fetchRequestHandler with
// maxBatchSize), called with fetch Requests. Only what needs a Next request scope is replaced: the
// session lookup (getRequestActor: next-auth + next/headers) returns the actor a test chooses, and the
// app's database handle is the test database. "server-only" refuses to load outside React server builds.

const state = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor, handle: undefined as DatabaseHandle | undefined }));
vi.mock("server-only", () => ({}));
vi.mock("@/server/auth/request-actor", () => ({ getRequestActor: async () => state.actor }));
vi.mock("@/db/app-database", () => ({
  getAppDatabase: async () => {
    if (!state.handle) throw new Error("test database not open");
    return state.handle;
  },
}));

const handle = await openTestDatabase();
state.handle = handle;
const { db } = handle;

const SITE = "http://localhost:3000";
const JSON_TYPE = { "content-type": "application/json" };

let callers: Callers;
beforeAll(async () => {
  callers = (await createCallers(db)).callers;
});
afterAll(() => {
  state.handle = undefined;
});

function as(actor: Actor) {
  state.actor = actor;
}

async function timed(fn: () => Promise<Response>): Promise<{ response: Response; ms: number }> {
  const started = performance.now();
  const response = await fn();
  return { response, ms: performance.now() - started };
}

type ErrorBody = { error: { message: string; code?: number; data?: Record<string, unknown> } };
/** The error a response carries, from a tRPC error ({error:{json…}} or {error:{message,data}}) or the guard ({error:{message}}). */
async function errorOf(response: Response): Promise<ErrorBody["error"]> {
  const body = (await response.json()) as ErrorBody | ErrorBody[];
  const first = Array.isArray(body) ? body[0]! : body;
  expect(first.error, JSON.stringify(body).slice(0, 300)).toBeDefined();
  return first.error;
}

function expectNoStack(text: string) {
  expect(text).not.toMatch(/\n\s+at |"stack"/);
}

/** A body stream that counts how much of it the server actually read. */
function countingBody(totalBytes: number, chunkBytes = 64 * 1024) {
  const chunk = new Uint8Array(chunkBytes).fill(0x20); // spaces: valid JSON padding
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const piece = chunk.subarray(0, Math.min(chunkBytes, totalBytes - sent));
      sent += piece.length;
      controller.enqueue(piece);
    },
  });
  return { stream, read: () => sent };
}

describe("the route works outside Next with the session and database stubbed (control)", () => {
  it("answers a GET query and a JSON POST mutation as the chosen actor", async () => {
    as(callers.editor);
    const me = await GET(new Request(`${SITE}/api/trpc/user.me`));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ result: { data: { id: callers.editor.id, role: "editor" } } });

    const missing = await POST(
      new Request(`${SITE}/api/trpc/claim.delete`, { method: "POST", headers: { ...JSON_TYPE, origin: SITE }, body: JSON.stringify({ claimId: 2_000_000_000, version: 1 }) }),
    );
    expect(missing.status).toBe(404);
    const error = await errorOf(missing);
    expect(error.message).toMatch(/not found/);
    expectNoStack(JSON.stringify(error));
  });

  it("an anonymous POST to an editor mutation is 401, a reader's is 403", async () => {
    const send = () => POST(new Request(`${SITE}/api/trpc/claim.delete`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ claimId: 1, version: 1 }) }));
    as({ kind: "anonymous" });
    expect((await send()).status).toBe(401);
    as(callers.reader);
    expect((await send()).status).toBe(403);
  });

  it("a mutation sent as GET is refused (405) and changes nothing; the same call as a JSON POST works", async () => {
    // Committed rows: the route reads and writes through its own connection, not a test transaction.
    const { claim } = await claimInReview(db, callers.editor, await createArticle(db), { send: false });
    const isDeleted = async () => (await query<{ deleted: boolean }>(db, sql`select deleted_at is not null as deleted from claims where id = ${claim.id}`))[0]?.deleted;
    as(callers.admin);
    const input = JSON.stringify({ claimId: claim.id, version: claim.version });
    const viaGet = await GET(new Request(`${SITE}/api/trpc/claim.delete?input=${encodeURIComponent(input)}`));
    expect(viaGet.status).toBe(405);
    expectNoStack(await viaGet.text());
    expect(await isDeleted()).toBe(false);
    const viaPost = await POST(new Request(`${SITE}/api/trpc/claim.delete`, { method: "POST", headers: { ...JSON_TYPE, origin: SITE }, body: input }));
    expect(viaPost.status).toBe(200);
    expect(await isDeleted()).toBe(true);
  });
});

describe("request size", () => {
  it(`a declared 10 MB body is refused with 413 before any of it is read`, async () => {
    as(callers.editor);
    const body = countingBody(10 * 1024 * 1024);
    const { response, ms } = await timed(() =>
      POST(new Request(`${SITE}/api/trpc/article.import`, {
        method: "POST", headers: { ...JSON_TYPE, "content-length": String(10 * 1024 * 1024) }, body: body.stream, duplex: "half",
      } as RequestInit)),
    );
    expect(response.status).toBe(413);
    expect((await errorOf(response)).message).toMatch(/limit is 2 MB/);
    expect(body.read(), "bytes of the body the server pulled").toBeLessThanOrEqual(64 * 1024); // at most the stream's own read-ahead
    expect(ms).toBeLessThan(1_000);
  });

  it("a real 10 MB JSON body with its true content-length is refused with 413", async () => {
    as(callers.editor);
    const text = "x".repeat(10 * 1024 * 1024);
    const body = JSON.stringify({ title: "Huge", text });
    const { response, ms } = await timed(() =>
      POST(new Request(`${SITE}/api/trpc/article.import`, { method: "POST", headers: { ...JSON_TYPE, "content-length": String(Buffer.byteLength(body)) }, body })),
    );
    expect(response.status).toBe(413);
    expect(ms).toBeLessThan(1_000);
  });

  it(`a body of exactly MAX_BODY_BYTES (${MAX_BODY_BYTES}) is read and handled by the procedure`, async () => {
    as(callers.editor);
    const input = JSON.stringify({ claimId: 2_000_000_000, version: 1 });
    const body = input + " ".repeat(MAX_BODY_BYTES - input.length);
    const response = await POST(new Request(`${SITE}/api/trpc/claim.delete`, { method: "POST", headers: { ...JSON_TYPE, "content-length": String(MAX_BODY_BYTES) }, body }));
    expect(response.status).toBe(404); // the procedure's own answer: the body was accepted and parsed
  });

  // A chunked request has no Content-Length to check up front: the route reads the body through a capped
  // reader (withBoundedBody) and stops at the limit.
  it("a chunked body over MAX_BODY_BYTES without Content-Length is refused with 413", async () => {
    as(callers.editor);
    const input = JSON.stringify({ claimId: 2_000_000_000, version: 1 });
    const padding = countingBody(3 * 1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(input));
        const reader = padding.stream.getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) controller.enqueue(r.value);
        controller.close();
      },
    });
    const response = await POST(new Request(`${SITE}/api/trpc/claim.delete`, { method: "POST", headers: JSON_TYPE, body: stream, duplex: "half" } as RequestInit));
    expect(response.status).toBe(413);
  });
});

describe("batch size", () => {
  const paths = (n: number, path = "claim.delete") => Array.from({ length: n }, () => path).join(",");

  it(`a POST batch of 100,000 calls is refused with 400 at once, before any input is parsed`, async () => {
    as(callers.editor);
    const body = countingBody(1024 * 1024);
    const { response, ms } = await timed(() =>
      POST(new Request(`${SITE}/api/trpc/${paths(100_000)}?batch=1`, { method: "POST", headers: JSON_TYPE, body: body.stream, duplex: "half" } as RequestInit)),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toMatch(/Batch call exceeds maximum size/);
    expectNoStack(text);
    expect(body.read()).toBeLessThanOrEqual(64 * 1024);
    expect(ms).toBeLessThan(2_000);
  });

  it("a GET batch of 100,000 queries is refused with 400 at once", async () => {
    as(callers.editor);
    const { response, ms } = await timed(() => GET(new Request(`${SITE}/api/trpc/${paths(100_000, "user.me")}?batch=1&input={}`)));
    expect(response.status).toBe(400);
    expect(ms).toBeLessThan(2_000);
  });

  it("a JSON body with 100,000 keys for one batched call is parsed once and answered (extra keys are ignored)", async () => {
    as(callers.editor);
    const inputs: Record<string, unknown> = { 0: { claimId: 2_000_000_000, version: 1 } };
    for (let i = 1; i < 100_000; i++) inputs[i] = 0;
    const body = JSON.stringify(inputs);
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_BODY_BYTES);
    const { response, ms } = await timed(() =>
      POST(new Request(`${SITE}/api/trpc/claim.delete?batch=1`, { method: "POST", headers: { ...JSON_TYPE, "content-length": String(Buffer.byteLength(body)) }, body })),
    );
    // One call is made (404: no such claim); the other 99,999 inputs are never looked at.
    expect(response.status).toBe(404);
    expect(((await response.json()) as unknown[]).length).toBe(1);
    expect(ms).toBeLessThan(3_000);
  });

  it(`exactly MAX_BATCH_SIZE (${MAX_BATCH_SIZE}) calls are answered, one more is refused`, async () => {
    as(callers.editor);
    const atLimit = await GET(new Request(`${SITE}/api/trpc/${paths(MAX_BATCH_SIZE, "user.me")}?batch=1&input={}`));
    expect(atLimit.status).toBe(200);
    expect(((await atLimit.json()) as unknown[]).length).toBe(MAX_BATCH_SIZE);
    const over = await GET(new Request(`${SITE}/api/trpc/${paths(MAX_BATCH_SIZE + 1, "user.me")}?batch=1&input={}`));
    expect(over.status).toBe(400);
  });
});

describe("cross-site requests", () => {
  const user = () => JSON.stringify({ email: "forged@test.factdesk.org", name: "Forged", role: "admin", password: "a long enough password" });

  it.each([
    ["application/x-www-form-urlencoded", "email=forged%40test.factdesk.org&role=admin"],
    ["multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\nadmin\r\n--x--"],
    ["text/plain;charset=UTF-8", null],
    ["", null],
  ])("a POST sent as %j is refused with 415, even for an admin", async (contentType, body) => {
    as(callers.admin);
    const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
    const response = await POST(new Request(`${SITE}/api/trpc/user.create`, { method: "POST", headers, body: body ?? user() }));
    expect(response.status).toBe(415);
    expect((await errorOf(response)).message).toMatch(/application\/json/);
  });

  it("JSON from a foreign Origin is refused with 403; Sec-Fetch-Site: cross-site too", async () => {
    as(callers.admin);
    const foreign = await POST(new Request(`${SITE}/api/trpc/user.create`, { method: "POST", headers: { ...JSON_TYPE, origin: "https://evil.example" }, body: user() }));
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).message).toContain("https://evil.example");
    const crossSite = await POST(new Request(`${SITE}/api/trpc/user.create`, { method: "POST", headers: { ...JSON_TYPE, "sec-fetch-site": "cross-site" }, body: user() }));
    expect(crossSite.status).toBe(403);
  });
});

describe("what errors look like over HTTP", () => {
  it("a schema error is a 400 with a readable message naming the field, and no stack", async () => {
    as(callers.editor);
    const response = await POST(new Request(`${SITE}/api/trpc/claim.setVerdict`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ claimId: 1, version: 1, verdict: "false", rationale: "" }) }));
    expect(response.status).toBe(400);
    const text = await response.text();
    expectNoStack(text);
    expect(JSON.parse(text)).toMatchObject({ error: { message: expect.stringMatching(/^rationale: /), data: { fields: ["rationale"] } } });
  });

  it("a NUL character in text is a 400 with a readable message, not a 500", async () => {
    as(callers.editor);
    const response = await GET(new Request(`${SITE}/api/trpc/source.search?input=${encodeURIComponent(JSON.stringify({ query: "a\u0000b" }))}`));
    expect(response.status).toBe(400);
    const text = await response.text();
    expectNoStack(text);
    expect(text).toMatch(/NUL/);
  });

  it("malformed JSON is a 400 without a stack; an unknown procedure is a 404", async () => {
    as(callers.editor);
    const malformed = await POST(new Request(`${SITE}/api/trpc/claim.delete`, { method: "POST", headers: JSON_TYPE, body: "{\"claimId\": 1," }));
    expect(malformed.status).toBe(400);
    expectNoStack(await malformed.text());
    const unknown = await GET(new Request(`${SITE}/api/trpc/user.secrets`));
    expect(unknown.status).toBe(404);
    expectNoStack(await unknown.text());
  });
});
