import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../actor";
import { createTRPCRouter, editorProcedure, publicProcedure } from "../trpc/init";
import { RETRY_AFTER_SECONDS } from "../errors";
import { createRequestContext, retryAfterWhenUnavailable } from "./trpc-request";

// The route's context creation without a database: the actor lookup is replaced, so its failures can be chosen.
// (The real outage, through a real server and PostgreSQL, is tests/faults/database-outage.test.ts.)
const { actorLookup } = vi.hoisted(() => ({ actorLookup: vi.fn<() => Promise<Actor>>() }));
vi.mock("server-only", () => ({}));
vi.mock("../auth/request-actor", () => ({ getRequestActor: () => actorLookup() }));
vi.mock("@/db/app-database", () => ({ getAppDatabase: async () => ({ db: {} }) }));
vi.mock("./next-public-cache", () => ({ nextPublicCache: () => ({ changed: async () => {} }) }));

const router = createTRPCRouter({
  ping: publicProcedure.query(() => "pong"),
  secret: editorProcedure.query(() => "for editors"),
});

function request(path: string) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`),
    router,
    createContext: createRequestContext,
    responseMeta: retryAfterWhenUnavailable,
  });
}

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

afterEach(() => {
  actorLookup.mockReset();
  vi.restoreAllMocks();
});

describe("createRequestContext: failures while finding out who asks", () => {
  it("answers 503 with the database message and Retry-After when the database is unreachable", async () => {
    actorLookup.mockRejectedValue(refused());
    const response = await request("ping");
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    const body = JSON.parse(text) as { error: { message: string; data: { code: string; httpStatus: number } } };
    expect(body.error.message).toMatch(/database is not reachable.*try again/i);
    expect(body.error.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
    expect(text).not.toMatch(/ECONNREFUSED|5432|stack/);
  });

  it("does so for every call of a batch", async () => {
    actorLookup.mockRejectedValue(refused());
    const response = await request("ping,secret?batch=1&input={}");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    const body = (await response.json()) as { error: { data: { code: string } } }[];
    expect(body.map((b) => b.error.data.code)).toEqual(["SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE"]);
  });

  it("answers other failures with the opaque 500 naming the request id, without the error's text", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    actorLookup.mockRejectedValue(new Error("secret detail: NEXTAUTH_SECRET is wrong"));
    const response = await request("ping");
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(text).toMatch(/Something went wrong on our side \(request [0-9a-f-]{36}\)/);
    expect(text).not.toContain("secret detail");
    expect(logged).toHaveBeenCalled();
  });

  it("leaves successful requests alone", async () => {
    actorLookup.mockResolvedValue({ kind: "anonymous" });
    const response = await request("ping");
    expect(response.status).toBe(200);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.json()).toEqual({ result: { data: "pong" } });
  });
});
