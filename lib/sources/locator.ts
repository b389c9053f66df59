const TIMESTAMP = /^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$/;

/** "1:02:03" -> 3723, "12:34" -> 754; null when the locator is not a video timestamp. */
export function timestampSeconds(locator: string | null | undefined): number | null {
  const match = locator?.trim().match(TIMESTAMP);
  if (!match) return null;
  const [, hours, minutes, seconds] = match;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** A link that opens a video source at the locator's timestamp (YouTube understands `t=`), else the URL itself. */
export function urlAtLocator(url: string, locator: string | null | undefined): string {
  const seconds = timestampSeconds(locator);
  if (seconds === null) return url;
  const target = new URL(url);
  if (!/(^|\.)youtube\.com$|^youtu\.be$/.test(target.hostname)) return url;
  target.searchParams.set("t", `${seconds}s`);
  return target.href;
}
