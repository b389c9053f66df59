import { VERDICT_SCALE } from "../verdicts";
import { summaryText, type VerdictSummary } from "../verdict-summary";
import { textWidth } from "./text-width";
import { escapeXml } from "./xml";

const HEIGHT = 28;
const FONT_SIZE = 12;
const PAD = 8;
const STRIPE = 3;
const FONT = "system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif";
const LABEL_BG = "#24292f";
const TEXT = "#1f2328";
const EMPTY_STRIPE = "#d0d7de";

export interface SummaryBadgeInput {
  /** Who checked: the left segment ("Factdesk"). */
  brand: string;
  /** Article title, for the accessible name only (the badge face stays short). */
  title: string | null;
  summary: VerdictSummary;
}

/** Colour stripe under the summary: one segment per verdict, widths proportional to its count. */
function stripe(summary: VerdictSummary, x: number, width: number): string {
  const y = HEIGHT - STRIPE;
  if (summary.total === 0) return `<rect x="${x}" y="${y}" width="${width}" height="${STRIPE}" fill="${EMPTY_STRIPE}"/>`;
  let seen = 0;
  return summary.counts
    .map((c) => {
      // Cumulative rounding: segments tile the stripe exactly, with no gap or overlap from rounding.
      const from = x + Math.round((width * seen) / summary.total);
      seen += c.count;
      const to = x + Math.round((width * seen) / summary.total);
      return `<rect x="${from}" y="${y}" width="${to - from}" height="${STRIPE}" fill="${VERDICT_SCALE[c.verdict].color}"/>`;
    })
    .join("");
}

/** Lays out brand | face with the stripe; `name` is the accessible name (title + aria-label). */
function badge(brand: string, face: string, name: string, summary: VerdictSummary): string {
  const brandWidth = textWidth(brand, FONT_SIZE, true);
  const faceWidth = textWidth(face, FONT_SIZE);
  const left = brandWidth + 2 * PAD;
  const width = left + faceWidth + 2 * PAD;
  const label = escapeXml(name);
  const baseline = Math.round((HEIGHT - STRIPE) / 2 + FONT_SIZE * 0.35);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT}" rx="4"/></clipPath>`,
    `<g clip-path="url(#r)">`,
    `<rect width="${left}" height="${HEIGHT}" fill="${LABEL_BG}"/>`,
    `<rect x="${left}" width="${width - left}" height="${HEIGHT}" fill="#ffffff"/>`,
    stripe(summary, left, width - left),
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${HEIGHT - 1}" rx="4" fill="none" stroke="${EMPTY_STRIPE}"/>`,
    `</g>`,
    `<g font-family="${FONT}" font-size="${FONT_SIZE}">`,
    `<text x="${PAD}" y="${baseline}" fill="#ffffff" font-weight="600" textLength="${brandWidth}" lengthAdjust="spacingAndGlyphs">${escapeXml(brand)}</text>`,
    `<text x="${left + PAD}" y="${baseline}" fill="${TEXT}" textLength="${faceWidth}" lengthAdjust="spacingAndGlyphs">${escapeXml(face)}</text>`,
    `</g>`,
    `</svg>`,
  ].join("");
}

/**
 * A shields-style badge: brand on the left, "7 checked · 5 true · …" on the right, verdict colours as
 * a stripe (decoration only: the words carry the meaning). Every piece of text is XML-escaped.
 */
export function summaryBadgeSvg({ brand, title, summary }: SummaryBadgeInput): string {
  const face = summaryText(summary);
  return badge(brand, face, `${title ? `${title}: ` : ""}${face} (fact-checked by ${brand})`, summary);
}

/** What a badge URL shows for an unknown or unpublished article: same look, no article data at all. */
export function unavailableBadgeSvg(brand: string): string {
  return badge(brand, "Not available", `${brand}: fact-checks not available`, { total: 0, counts: [] });
}
