// Approximate advance widths (1/1000 em) of Helvetica/Arial, which system sans fonts track closely.
// An SVG has no layout engine for us: the badge must size itself before any font is known, and
// `textLength` then pins the text to this width so a slightly different font can never overflow.
const NARROW = { chars: "ijlI.,:;'|!·", width: 250 };
const SEMI = { chars: "frt()[]- /", width: 320 };
const WIDE = { chars: "mwMW@%", width: 850 };
const UPPER = { chars: "ABCDEFGHJKLNOPQRSTUVXYZ&", width: 680 };
const DEFAULT = 560;
const BOLD_FACTOR = 1.07;

function charWidth(ch: string): number {
  for (const group of [NARROW, SEMI, WIDE, UPPER]) if (group.chars.includes(ch)) return group.width;
  return DEFAULT;
}

export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch);
  return Math.ceil((units / 1000) * fontSize * (bold ? BOLD_FACTOR : 1));
}
