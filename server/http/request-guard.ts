/**
 * Refuses state-changing requests a browser could send cross-site. An HTML form can only send
 * urlencoded, multipart or text/plain bodies, so requiring application/json blocks form-based CSRF;
 * a foreign Origin or `Sec-Fetch-Site: cross-site` blocks the rest. Returns a response to send, or null.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Calls per batched tRPC request: plenty for a page, far from a 100k-call flood. */
export const MAX_BATCH_SIZE = 50;

export function refuseUnsafeRequest(req: Request, allowedOrigins: readonly string[]): Response | null {
  // "/api/trpc/a,b,c?batch=1": refuse an oversized batch from its URL alone, before any body is read.
  const calls = new URL(req.url).pathname.split("/").pop()?.split(",").length ?? 1;
  if (calls > MAX_BATCH_SIZE) return jsonError(400, `Batch call exceeds maximum size: at most ${MAX_BATCH_SIZE} calls per request.`);
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

/**
 * The origins this server answers as: its own request origin plus the configured public one (NEXTAUTH_URL).
 * Given, not read here: the browser's tRPC client imports this module's limits, and configuration stays on the server.
 */
export function allowedOriginsFor(req: Request, publicUrl: string | undefined): string[] {
  const origins = [new URL(req.url).origin];
  const host = req.headers.get("host");
  if (host) origins.push(`http://${host}`, `https://${host}`);
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  return origins;
}

function jsonError(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status });
}

/**
 * Reads a POST body with a hard cap, whatever Content-Length says (a chunked request has none): returns
 * the request rebuilt around the bytes read, or a 413 response once the cap is passed.
 */
export async function withBoundedBody(req: Request, limit = MAX_BODY_BYTES): Promise<Request | Response> {
  if (req.method !== "POST" || !req.body) return req;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    total += part.value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return jsonError(413, `The request is over the ${limit / 1024 / 1024} MB limit.`);
    }
    chunks.push(part.value);
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: Buffer.concat(chunks), signal: req.signal });
}
