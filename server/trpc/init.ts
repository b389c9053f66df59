import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import type { Role } from "@/lib/roles";
import { findUnstorableText } from "@/lib/text/unsafe-text";
import { InvalidInputError, toTRPCError } from "../errors";
import { requireRole } from "../policy";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const field = error.cause instanceof InvalidInputError ? error.cause.field : undefined;
    return {
      ...shape,
      message: zodError ? describeZodError(zodError) : shape.message,
      // Stack traces never leave the server, in development or production.
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fields: zodError ? zodError.issues.map((i) => i.path.join(".")) : field ? [field] : undefined },
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

/**
 * Text PostgreSQL cannot store (NUL) or that is not text at all (a lone UTF-16 surrogate) is refused up
 * front for every procedure, with the field named, instead of failing deep in a query or being mangled.
 */
const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const field = findUnstorableText(await getRawInput());
  if (field !== null) {
    throw new InvalidInputError(`${field}: contains a character that cannot be stored (a NUL or a broken emoji). Remove it and try again.`);
  }
  return next();
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
const baseProcedure = t.procedure.use(mapErrors);
export const publicProcedure = baseProcedure.use(refuseUnstorableText);
// The role is checked before anything about the input, so a refused caller learns nothing from it.
export const editorProcedure = baseProcedure.use(withRole("editor")).use(refuseUnstorableText);
export const adminProcedure = baseProcedure.use(withRole("admin")).use(refuseUnstorableText);
