import { formatDateTime } from "@/lib/text/format-date";

/** Shortens text to about `max` characters at a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** "Ana Lima" -> "AL"; one-word names give one letter. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => Array.from(p ?? "")[0]?.toUpperCase() ?? "").join("");
}

// Timestamps reach the browser as ISO strings (no tRPC transformer); accept Dates too for safety.
export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** History rows use the app's one date-time format (lib/text/format-date), like the conflict messages. */
export function formatWhen(value: string | Date): string {
  return formatDateTime(toDate(value));
}
