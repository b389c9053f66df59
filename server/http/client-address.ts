/**
 * The client's address for login throttling. `next start` sets x-forwarded-for from the socket; behind a
 * reverse proxy, that proxy must overwrite (not append to) the header, or clients could pick their own key.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const first = value?.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : null;
}
