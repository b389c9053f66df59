/** "2022-01-28" -> "28 January 2022". Dates are calendar days, so format in UTC to avoid off-by-one shifts. */
export function formatDate(isoDate: string | Date): string {
  const date = typeof isoDate === "string" ? new Date(`${isoDate.slice(0, 10)}T00:00:00Z`) : isoDate;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}
