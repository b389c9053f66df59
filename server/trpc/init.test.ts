import { getErrorShape, TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Database } from "@/db/types";
import type { Actor } from "../actor";
import { ConflictError } from "../errors";
import { adminProcedure, createCallerFactory, createTRPCRouter, editorProcedure, publicProcedure } from "./init";

// A throwaway router built from the real procedure builders: it checks the builders, the error mapping
// middleware and the error formatter without any database (the procedures never touch ctx.db).
const router = createTRPCRouter({
  crash: publicProcedure.mutation(() => {
    throw new Error("secret detail: connection string postgres://admin:hunter2@db");
  }),
  conflict: publicProcedure.mutation(() => {
    throw new ConflictError("That slug is taken.");
  }),
  validated: publicProcedure.input(z.object({ title: z.string().min(1, "Give it a title."), year: z.number().int() })).mutation(() => "ok"),
  forEditors: editorProcedure.query(() => "editor"),
  forAdmins: adminProcedure.query(() => "admin"),
});
const REQUEST_ID = "req-1234";
const call = (actor: Actor) => createCallerFactory(router)({ db: undefined as unknown as Database, actor, requestId: REQUEST_ID });
const anonymous: Actor = { kind: "anonymous" };
const as = (role: "reader" | "editor" | "admin"): Actor => ({ kind: "user", id: 1, role, name: role, email: `${role}@example.org` });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.unreachable("expected the call to fail"),
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  const shape = getErrorShape({ config: router._def._config, error, type: "mutation", path: "x", input: undefined, ctx: undefined });
  return { error, shape };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("procedure builders", () => {
  it.each([
    ["forEditors", "editor"],
    ["forAdmins", "admin"],
  ] as const)("%s refuses anonymous callers (UNAUTHORIZED) and lower roles (FORBIDDEN)", async (path, minimum) => {
    expect((await failure(call(anonymous)[path]())).error.code).toBe("UNAUTHORIZED");
    const roles = ["reader", "editor", "admin"] as const;
    for (const role of roles) {
      const result = call(as(role))[path]();
      if (roles.indexOf(role) >= roles.indexOf(minimum)) await expect(result).resolves.toBe(minimum);
      else expect((await failure(result)).error.code).toBe("FORBIDDEN");
    }
  });
});

describe("errors a client receives", () => {
  it("an unexpected error is an opaque 500 quoting the request id, with no stack and no detail", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { error, shape } = await failure(call(anonymous).crash());
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(shape.message).toContain(REQUEST_ID);
    const serialized = JSON.stringify(shape);
    expect(serialized).not.toContain("hunter2");
    expect(serialized).not.toMatch(/stack|\n\s+at |init\.test\.ts/);
  });

  it("a domain error keeps its code and message", async () => {
    const { shape } = await failure(call(anonymous).conflict());
    expect(shape.data.code).toBe("CONFLICT");
    expect(shape.data.httpStatus).toBe(409);
    expect(shape.message).toBe("That slug is taken.");
  });

  it("invalid input is a BAD_REQUEST listing each field with its message, not a JSON dump", async () => {
    const { shape } = await failure(call(anonymous).validated({ title: "", year: 1.5 }));
    expect(shape.data.code).toBe("BAD_REQUEST");
    expect(shape.message).toContain("title: Give it a title.");
    expect(shape.message).toContain("year:");
    expect(shape.message).not.toMatch(/^\s*[[{]/);
    expect(shape.data.fields).toEqual(["title", "year"]);
    expect(JSON.stringify(shape)).not.toMatch(/stack|\n\s+at /);
  });
});
