/** What one HTTP exchange came to: a status (0 when no response arrived), the parsed body and how long it took. */
export interface Exchange {
  status: number;
  body: unknown;
  text: string;
  contentType: string;
  /** The Retry-After header, if any. */
  retryAfter: string | null;
  startedAt: number;
  ms: number;
  /** Set when no response arrived (connection refused or reset, timeout). */
  failure?: string;
}

/** tRPC's error body (non-batched call), as the app's errorFormatter shapes it. */
export interface TrpcErrorBody {
  error: { message: string; code: number; data: { code: string; httpStatus: number; path?: string } };
}

export function trpcError(exchange: Exchange): TrpcErrorBody["error"] | undefined {
  const body = exchange.body as Partial<TrpcErrorBody> | undefined;
  return body && typeof body === "object" && body.error && typeof body.error.message === "string" ? body.error : undefined;
}

export function trpcData<T>(exchange: Exchange): T {
  const body = exchange.body as { result?: { data?: T } } | undefined;
  if (exchange.status !== 200 || !body?.result || !("data" in body.result)) {
    throw new Error(`expected a tRPC result, got HTTP ${exchange.status}${exchange.failure ? ` (${exchange.failure})` : ""}: ${exchange.text.slice(0, 500)}`);
  }
  return body.result.data as T;
}

/** A browser-like client of one app server: keeps cookies, sends the same-origin Origin header on posts. */
export class WebClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  async request(pathname: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Exchange> {
    const { timeoutMs = 20_000, headers, ...rest } = init;
    const startedAt = Date.now();
    try {
      const response = await fetch(`${this.baseUrl}${pathname}`, {
        ...rest,
        redirect: "manual",
        headers: { ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}), ...(headers as Record<string, string>) },
        signal: AbortSignal.timeout(timeoutMs),
      });
      this.remember(response);
      const text = await response.text();
      const contentType = response.headers.get("content-type") ?? "";
      let body: unknown = text;
      if (contentType.includes("json")) {
        try {
          body = JSON.parse(text);
        } catch {
          // keep the text
        }
      }
      return { status: response.status, body, text, contentType, retryAfter: response.headers.get("retry-after"), startedAt, ms: Date.now() - startedAt };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      const failure = `${error instanceof Error ? error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : error.message : String(error)}${cause}`;
      return { status: 0, body: undefined, text: "", contentType: "", retryAfter: null, startedAt, ms: Date.now() - startedAt, failure };
    }
  }

  /** A tRPC query as the browser client sends it (GET, input in the query string). */
  query(procedure: string, input?: unknown, timeoutMs?: number): Promise<Exchange> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.request(`/api/trpc/${procedure}${search}`, { timeoutMs });
  }

  /** A tRPC mutation (POST, application/json, same-origin Origin header: what the request guard wants). */
  mutation(procedure: string, input: unknown, timeoutMs?: number): Promise<Exchange> {
    return this.request(`/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.baseUrl },
      body: JSON.stringify(input),
      timeoutMs,
    });
  }

  /** next-auth's credentials flow, as the login form runs it: CSRF token, then the callback; keeps the session cookie. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request("/api/auth/csrf");
    const csrfToken = (csrf.body as { csrfToken?: string } | undefined)?.csrfToken;
    if (csrf.status !== 200 || !csrfToken) throw new Error(`GET /api/auth/csrf answered ${csrf.status}: ${csrf.text.slice(0, 300)}`);
    const callback = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${this.baseUrl}/dashboard`, json: "true" }).toString(),
    });
    const session = await this.request("/api/auth/session");
    const uid = (session.body as { uid?: number } | undefined)?.uid;
    if (!uid) throw new Error(`sign-in as ${email} failed: callback answered ${callback.status} ${callback.text.slice(0, 300)}; session ${session.text.slice(0, 300)}`);
  }
}
