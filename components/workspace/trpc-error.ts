/**
 * Server messages are written for people (server/errors.ts), so the UI shows them as they are.
 * This reads them off whatever the tRPC client threw without trusting its shape.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Try again; if it keeps failing, reload the page.";
}

/** A stale write refused by the optimistic lock (or a state that moved on): the editor must reload. */
export function isConflict(error: unknown): boolean {
  const data = (error as { data?: { code?: unknown } } | null)?.data;
  return data?.code === "CONFLICT";
}

/** The inputs a refusal is about (zod paths, or the field a service named), so a form can show it beside them. */
export function errorFields(error: unknown): string[] {
  const fields = (error as { data?: { fields?: unknown } } | null)?.data?.fields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === "string") : [];
}
