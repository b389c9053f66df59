import { timeLocatorFromUrl } from "../url/time-locator";

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

/** The evidence form's locator: what is in the field, and whether it came from the pasted link's time. */
export interface LocatorField {
  locator: string;
  fromLink: boolean;
}

/**
 * The locator after the Source field changes to `pastedText`: a link carrying a time (t=42, start=, #t=) fills an
 * empty locator with it ("0:42") and keeps following the link while the editor has typed nothing of their own;
 * a locator the editor typed is never touched.
 */
export function locatorForPastedLink(field: LocatorField, pastedText: string | null): LocatorField {
  if (field.locator !== "" && !field.fromLink) return field;
  const time = pastedText === null ? null : timeLocatorFromUrl(pastedText);
  return { locator: time ?? "", fromLink: time !== null };
}
