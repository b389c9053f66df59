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
export class FetchError extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "FetchError";
  }
}
