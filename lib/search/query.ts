/**
 * What the search box's text becomes: plain terms (letters and digits only, so user text can never inject
 * tsquery or LIKE syntax) and a to_tsquery('english', …) expression that wants every term. Words match by
 * prefix so a half-typed word ("youtub", "ukrain") still finds; numbers match as quantities, because
 * PostgreSQL's parser splits "100,000" into 100 and 000, so "100000" also looks for (100 <-> 000).
 */

/** Cap on terms: a pasted paragraph must not become a query of hundreds of terms. */
export const MAX_SEARCH_TERMS = 12;

export interface SearchTerms {
  /** Lower-cased terms as typed, digits with their separators removed ("100,000" -> "100000"). */
  terms: string[];
  /** For to_tsquery('english', …), or null when nothing searchable was typed. */
  tsquery: string | null;
}

function numberSpellings(digits: string): string {
  const value = Number(digits);
  const spellings = [digits];
  if (Number.isSafeInteger(value) && value >= 1000 && String(value) === digits) {
    spellings.push(`(${value.toLocaleString("en-US").split(",").join(" <-> ")})`);
  }
  return spellings.length > 1 ? `(${spellings.join(" | ")})` : digits;
}

export function parseSearch(text: string): SearchTerms {
  const terms: string[] = [];
  // Digit groups joined by , or . are one number ("100,000"); other punctuation separates terms.
  for (const match of text.normalize("NFKC").toLowerCase().matchAll(/\d+(?:[,.]\d{3})+(?!\d)|[\p{L}\p{N}]+/gu)) {
    const term = /^\d/.test(match[0]) && /[,.]/.test(match[0]) ? match[0].replace(/[,.]/g, "") : match[0];
    if (!terms.includes(term)) terms.push(term);
    if (terms.length >= MAX_SEARCH_TERMS) break;
  }
  const parts = terms.map((term) => (/^\d+$/.test(term) ? numberSpellings(term) : `${term}:*`));
  return { terms, tsquery: parts.length > 0 ? parts.join(" & ") : null };
}
