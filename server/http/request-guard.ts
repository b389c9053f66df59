/**
 * Refuses state-changing requests a browser could send cross-site. An HTML form can only send
 * urlencoded, multipart or text/plain bodies, so requiring application/json blocks form-based CSRF;
 * a foreign Origin or `Sec-Fetch-Site: cross-site` blocks the rest. Returns a response to send, or null.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Calls per batched tRPC request: plenty for a page, far from a 100k-call flood. */
export const MAX_BATCH_SIZE = 50;

export function refuseUnsafeRequest(req: Request, allowedOrigins: readonly string[]): Response | null {
  if (req.method !== "POST") return null;
  const contentType = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") {
    return jsonError(415, "Changes must be sent as application/json. (Form posts are refused to protect against cross-site request forgery.)");
  }
  const origin = req.headers.get("origin");
  if (origin && !allowedOrigins.includes(origin)) {
    return jsonError(403, `Requests from ${origin} are not allowed to change data here.`);
  }
  if (req.headers.get("sec-fetch-site") === "cross-site") {
    return jsonError(403, "Cross-site requests are not allowed to change data here.");
  }
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return jsonError(413, `The request is ${Math.round(length / 1024)} KB; the limit is ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  }
  return null;
}

/** The origins this server answers as: its own request origin plus NEXTAUTH_URL's. */
export function allowedOriginsFor(req: Request): string[] {
  const origins = [new URL(req.url).origin];
  const host = req.headers.get("host");
  if (host) origins.push(`http://${host}`, `https://${host}`);
  if (process.env.NEXTAUTH_URL) origins.push(new URL(process.env.NEXTAUTH_URL).origin);
  return origins;
}

function jsonError(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status });
}
