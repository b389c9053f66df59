import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import type { Role } from "@/lib/roles";
import { toTRPCError } from "../errors";
import { requireRole } from "../policy";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zodError ? describeZodError(zodError) : shape.message,
      // Stack traces never leave the server, in development or production.
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fields: zodError?.issues.map((i) => i.path.join(".")) },
    };
  },
});

function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Maps domain and database errors to tRPC codes once, for every procedure. */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && !(result.error.cause instanceof ZodError)) {
    result.error = toTRPCError(result.error, ctx.requestId);
  }
  return result;
});

function withRole(minimum: Role) {
  return t.middleware(({ ctx, next }) => {
    requireRole(ctx.actor, minimum);
    return next();
  });
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, including anonymous readers: services still filter what they return through the policy. */
export const publicProcedure = t.procedure.use(mapErrors);
export const readerProcedure = publicProcedure.use(withRole("reader"));
export const editorProcedure = publicProcedure.use(withRole("editor"));
export const adminProcedure = publicProcedure.use(withRole("admin"));
