// The spellings video sites use for "start at": 95, 95s, 1m35s, 1h2m3s, and 1:35 / 1:02:03.
const UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s?)?$/i;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/;

function seconds(value: string): number | null {
  const text = value.trim();
  const clock = text.match(CLOCK);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const units = text.match(UNITS);
  if (!units || text === "") return null;
  const [, h, m, s] = units;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Math.floor(Number(s ?? 0));
}

/** 42 -> "0:42", 95 -> "1:35", 3723 -> "1:02:03": the locator notation editors type (lib/sources/locator). */
export function formatTimeLocator(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/**
 * The start time a pasted video link carries (`?t=95s`, `?t=42`, `&t=1h2m3s`, `?start=42`, `#t=1m30s`), as a
 * locator such as "0:42" or "1:02:03"; null when there is none, it is zero, or the text is not a URL.
 */
export function timeLocatorFromUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  // Media fragments (#t=90) and YouTube's old #t=1m30s read like a query string after the "#".
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ""));
  const raw = url.searchParams.get("t") ?? url.searchParams.get("start") ?? fragment.get("t") ?? fragment.get("start");
  if (raw === null) return null;
  // A media fragment may carry an end time too (#t=90,120): the start is what locates the claim.
  const total = seconds(raw.split(",")[0] ?? "");
  return total === null || total === 0 ? null : formatTimeLocator(total);
}
