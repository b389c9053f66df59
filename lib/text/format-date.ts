const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const DAY_AND_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "2022-01-28" -> "28 January 2022". Dates are calendar days, so format in UTC to avoid off-by-one shifts. */
export function formatDate(isoDate: string | Date): string {
  const date = typeof isoDate === "string" ? new Date(`${isoDate.slice(0, 10)}T00:00:00Z`) : isoDate;
  return DAY.format(date);
}

/**
 * The one format for a moment in time, everywhere (conflict messages, history, queue, reader dialog,
 * dashboard): "1 December 2026, 08:07 UTC". Always UTC and always labelled: the server writes some of
 * these into messages, the browser others, and a newsroom spans time zones; one clock avoids two
 * screens disagreeing about the same edit (and server/browser render mismatches).
 */
export function formatDateTime(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  return `${DAY_AND_TIME.format(date).replace(" at ", ", ")} UTC`;
}
