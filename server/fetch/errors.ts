/** What went wrong, for callers that decide by kind (a link checker counts "network" and "timeout" as failures). */
export type FetchErrorKind =
  | "blocked" // scheme, credentials, local/private host or address: refused before any connection to it
  | "dns" // the name has no address
  | "connect_timeout"
  | "timeout" // the whole fetch (redirects and body included) took longer than allowed
  | "too_large"
  | "too_many_redirects"
  | "redirect_loop"
  | "bad_redirect"
  | "unsupported_type"
  | "unsupported_encoding"
  | "network"
  | "aborted";

/** Every failure of the fetcher; the message names the URL and says what happened, for logs and editors. */
// The production build can hold two copies of this module (the server's start-up code, which makes the app's
// fetcher, and a route's chunk): a plain instanceof would then miss errors thrown by the other copy, and a
// refused or unresolvable link would reach the editor as a 500. The brand is shared through the symbol registry.
const BRAND = Symbol.for("factdesk.fetch-error");

export class FetchError extends Error {
  readonly [BRAND] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "FetchError";
  }
}
