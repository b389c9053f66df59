import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { readCapped } from "./body";
import { FetchError } from "./errors";
import { checkTarget, pinnedLookup, portOf, systemResolver, type Resolver, type TestOnlyAllowList } from "./target";

export const DEFAULT_USER_AGENT = "FactdeskFetcher/1.0 (newsroom fact-checking: source archiving and link checks)";
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface FetchOptions {
  /**
   * Media types this use accepts ("text/html", "image/*", or "*\/*" for a link check that reads no body). A 2xx
   * response of any other type is refused before its body is read.
   */
  accept: readonly string[];
  /** PURGE only to the operator's own cache (FetcherSettings.configuredInternalOrigin), which answers it. */
  method?: "GET" | "HEAD" | "PURGE";
  /** Request headers besides the fetcher's own (User-Agent, Accept, Accept-Encoding), e.g. the keys of a purge. */
  headers?: Record<string, string>;
  maxBytes?: number;
  maxRedirects?: number;
  /** Resolving and opening the connection, per hop. */
  connectTimeoutMs?: number;
  /** The whole fetch: every redirect, and reading the body. */
  totalTimeoutMs?: number;
  userAgent?: string;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** Where the document was finally found, after redirects. */
  url: string;
  status: number;
  /** Media type without parameters ("text/html"), null when the server sent none. */
  contentType: string | null;
  headers: IncomingHttpHeaders;
  /** The decoded body of a 2xx response; null for other statuses, whose bodies are not read. */
  body: Buffer | null;
  /** Every URL that redirected, in order. */
  redirects: string[];
}

export interface FetcherSettings {
  resolve?: Resolver;
  testOnlyAllow?: TestOnlyAllowList;
  /**
   * One origin the operator configured (the edge cache's purge endpoint, FACTDESK_EDGE_PURGE_URL), usually an
   * internal or loopback address: the address rules do not apply to exactly this scheme, host and port. Every
   * other origin, another port of the same host included, and every redirect away from it, are checked as ever.
   */
  configuredInternalOrigin?: string;
}

export type Fetcher = (url: string, options: FetchOptions) => Promise<FetchResult>;

function mediaType(header: string | undefined): string | null {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return type ? type : null;
}

function accepts(accept: readonly string[], type: string | null): boolean {
  return accept.some((pattern) => {
    if (pattern === "*/*") return true;
    if (type === null) return false;
    return pattern.endsWith("/*") ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
  });
}

interface Hop {
  response: IncomingMessage;
  /** Ends the hop's timers and connection when the caller is done with it. */
  finish: () => void;
}

/**
 * One request to one URL whose host has been checked: resolved by the pinned lookup (the connection goes to the
 * address that was checked), with a connect timeout per hop and the overall deadline shared by all hops.
 */
type HopOptions = Required<Omit<FetchOptions, "signal" | "headers">> & Pick<FetchOptions, "signal" | "headers">;

function request(url: URL, options: HopOptions, deadline: number, settings: Required<FetcherSettings>): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: options.method,
      agent: false, // a fresh socket per request: no pooled connection made for another host or address
      lookup: pinnedLookup(settings.resolve, settings.testOnlyAllow, portOf(url), url.origin === settings.configuredInternalOrigin),
      headers: {
        ...options.headers,
        "user-agent": options.userAgent,
        accept: options.accept.join(", "),
        "accept-encoding": "gzip, deflate, br",
      },
    });
    let response: IncomingMessage | null = null;
    let settled = false;

    const fail = (error: FetchError) => {
      clearTimers();
      if (response) response.destroy(error);
      else req.destroy(error);
    };
    const connectTimer = setTimeout(
      () => fail(new FetchError("connect_timeout", `${url.origin} did not accept a connection within ${options.connectTimeoutMs} ms`)),
      options.connectTimeoutMs,
    );
    const totalTimer = setTimeout(
      () => fail(new FetchError("timeout", `${url.href} did not finish within ${options.totalTimeoutMs} ms`)),
      Math.max(0, deadline - Date.now()),
    );
    const onAbort = () => fail(new FetchError("aborted", `fetching ${url.href} was cancelled`));
    options.signal?.addEventListener("abort", onAbort, { once: true });
    function clearTimers() {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      options.signal?.removeEventListener("abort", onAbort);
    }

    req.on("socket", (socket) => socket.once("connect", () => clearTimeout(connectTimer)));
    req.on("error", (error) => {
      clearTimers();
      if (settled) return;
      settled = true;
      reject(error instanceof FetchError ? error : new FetchError("network", `${url.origin} could not be reached (${error.message})`, { cause: error }));
    });
    req.on("response", (res) => {
      response = res;
      settled = true;
      resolve({
        response: res,
        finish: () => {
          clearTimers();
          res.destroy();
        },
      });
    });
    if (options.signal?.aborted) onAbort();
    req.end();
  });
}

/**
 * The one way the server fetches a URL someone typed. Only http(s); every host, on every redirect, is checked with
 * the canonicaliser's rules and resolved once, and the connection goes to the checked address; at most
 * `maxRedirects` redirects; connect and total timeouts; a cap on the decoded body; only the media types the use
 * accepts; an identifying User-Agent.
 */
export function createFetcher(settings: FetcherSettings = {}): Fetcher {
  const resolved: Required<FetcherSettings> = {
    resolve: settings.resolve ?? systemResolver,
    testOnlyAllow: settings.testOnlyAllow ?? [],
    configuredInternalOrigin: settings.configuredInternalOrigin === undefined ? "" : new URL(settings.configuredInternalOrigin).origin,
  };
  return async (input, fetchOptions) => {
    const options = {
      method: "GET" as const,
      maxBytes: DEFAULT_MAX_BYTES,
      maxRedirects: 5,
      connectTimeoutMs: 10_000,
      totalTimeoutMs: 30_000,
      userAgent: DEFAULT_USER_AGENT,
      ...fetchOptions,
    };
    const deadline = Date.now() + options.totalTimeoutMs;
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new FetchError("blocked", `${JSON.stringify(input.slice(0, 80))} is not a valid web address`);
    }
    const redirects: string[] = [];
    const seen = new Set<string>();
    for (;;) {
      checkTarget(url, resolved.testOnlyAllow, url.origin === resolved.configuredInternalOrigin);
      seen.add(url.href);
      const hop = await request(url, options, deadline, resolved);
      const { response } = hop;
      const status = response.statusCode ?? 0;
      const location = response.headers.location;

      if (REDIRECTS.has(status) && location) {
        hop.finish();
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError("bad_redirect", `${url.href} redirects to an address that cannot be read (${location.slice(0, 80)})`);
        }
        if (seen.has(next.href)) throw new FetchError("redirect_loop", `${url.href} redirects in a loop (back to ${next.href})`);
        if (redirects.length >= options.maxRedirects) {
          throw new FetchError("too_many_redirects", `${input} redirects more than ${options.maxRedirects} times`);
        }
        redirects.push(url.href);
        url = next;
        continue;
      }

      const contentType = mediaType(response.headers["content-type"]);
      const result = { url: url.href, status, contentType, headers: response.headers, redirects };
      if (status < 200 || status > 299 || options.method === "HEAD") {
        hop.finish();
        return { ...result, body: status >= 200 && status <= 299 ? Buffer.alloc(0) : null };
      }
      if (!accepts(options.accept, contentType)) {
        hop.finish();
        throw new FetchError("unsupported_type", `${url.href} is ${contentType ?? "of no stated type"}, not ${options.accept.join(" or ")}`);
      }
      try {
        return { ...result, body: await readCapped(response, url.href, options.maxBytes) };
      } finally {
        hop.finish();
      }
    }
  };
}

/** The production fetcher: the system resolver, no exceptions to the address rules. */
export const safeFetch: Fetcher = createFetcher();
