import { canonicalizeSource, InvalidUrlError } from "@/lib/url/canonicalize";
import { inferSourceType } from "./infer-type";
import { fromSpreadsheetSafe } from "./spreadsheet-safe";
import { LINK_STATUSES, SOURCE_TYPES, type LinkStatus, type SourceType } from "./vocabulary";

/**
 * The columns a source CSV may carry, by header name (case and spaces ignored). `url` is required; the export's
 * other columns (id, publisher, claims, …) are ignored, so an export can be imported again unchanged.
 */
export const IMPORT_COLUMNS = ["url", "title", "type", "published_on", "archived_url", "link_status", "notes"] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const MAX_IMPORT_ROWS = 50_000;

export interface ImportRow {
  /** As typed in the file: kept among the source's original URLs. */
  url: string;
  canonicalUrl: string;
  title: string | null;
  type: SourceType;
  publishedOn: string | null;
  archivedUrl: string | null;
  linkStatus: LinkStatus;
  notes: string | null;
}

export type ParsedRow = { ok: true; row: ImportRow } | { ok: false; reason: string };

const normaliseHeader = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** Where each known column is in the header, or a sentence saying what is wrong with the header. */
export function readHeader(header: readonly string[]): Map<ImportColumn, number> | string {
  const positions = new Map<ImportColumn, number>();
  header.forEach((name, index) => {
    const column = normaliseHeader(name) as ImportColumn;
    if ((IMPORT_COLUMNS as readonly string[]).includes(column) && !positions.has(column)) positions.set(column, index);
  });
  if (!positions.has("url")) return `The first row must name the columns and include "url" (found: ${header.slice(0, 8).join(", ") || "nothing"}).`;
  return positions;
}

const LIMITS: Partial<Record<ImportColumn, number>> = { url: 2048, title: 500, archived_url: 2048, notes: 5000 };

/** One data row, checked like the edit form checks a source; the reason is written for the admin who fixes the file. */
export function parseImportRow(columns: Map<ImportColumn, number>, cells: readonly string[]): ParsedRow {
  const cell = (column: ImportColumn) => {
    const index = columns.get(column);
    return index === undefined ? "" : fromSpreadsheetSafe((cells[index] ?? "").trim());
  };
  for (const [column, max] of Object.entries(LIMITS) as Array<[ImportColumn, number]>) {
    if (cell(column).length > max) return { ok: false, reason: `${column} is longer than ${max} characters.` };
  }
  const url = cell("url");
  if (!url) return { ok: false, reason: "url is empty." };
  let canonicalUrl: string;
  try {
    canonicalUrl = canonicalizeSource(url).url;
  } catch (error) {
    if (error instanceof InvalidUrlError) return { ok: false, reason: `url: ${error.message}` };
    throw error;
  }
  const archivedUrl = cell("archived_url") || null;
  if (archivedUrl) {
    try {
      canonicalizeSource(archivedUrl);
    } catch (error) {
      if (error instanceof InvalidUrlError) return { ok: false, reason: `archived_url: ${error.message}` };
      throw error;
    }
  }
  const type = cell("type") || inferSourceType(canonicalUrl);
  if (!(SOURCE_TYPES as readonly string[]).includes(type)) return { ok: false, reason: `type "${type}" is not one of ${SOURCE_TYPES.join(", ")}.` };
  const linkStatus = cell("link_status") || "unchecked";
  if (!(LINK_STATUSES as readonly string[]).includes(linkStatus)) return { ok: false, reason: `link_status "${linkStatus}" is not one of ${LINK_STATUSES.join(", ")}.` };
  const publishedOn = cell("published_on") || null;
  if (publishedOn && !isCalendarDate(publishedOn)) return { ok: false, reason: `published_on "${publishedOn}" is not a date like 2026-03-14.` };
  return {
    ok: true,
    row: { url, canonicalUrl, title: cell("title") || null, type: type as SourceType, publishedOn, archivedUrl, linkStatus: linkStatus as LinkStatus, notes: cell("notes") || null },
  };
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
