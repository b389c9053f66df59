import type { ClaimFeatures } from "./analyze";

/** Cap on the words in one search: a long pasted paragraph must not become a query of hundreds of terms. */
const MAX_SEARCH_WORDS = 48;

/** How a quantity may be spelled in stored text, as PostgreSQL's parser splits it ("100,000" -> 100 <-> 000). */
function quantitySpellings(key: string): string[] {
  const value = Number(key);
  const spellings = [key];
  if (Number.isInteger(value) && value >= 1000) {
    spellings.push(value.toLocaleString("en-US").split(",").join(" <-> "));
    for (const [unit, size] of [["thousand", 1e3], ["million", 1e6], ["billion", 1e9]] as const) {
      const scaled = value / size;
      if (scaled >= 1 && scaled < 1000 && Number.isInteger(scaled * 10)) spellings.push(`${scaled} <-> ${unit}`);
    }
  }
  return spellings.map((s) => (s.includes("<->") ? `(${s})` : s));
}

/**
 * A to_tsquery('english', …) expression that finds candidates sharing any word, lemma, synonym or quantity with
 * the claim ("a | b | (100 <-> 000)"). Words are restricted to letters, digits and inner dots, so user text can
 * never inject tsquery syntax; PostgreSQL stems them and drops its stop words. Null when nothing is searchable.
 */
export function candidateQuery(features: ClaimFeatures): string | null {
  const parts = new Set<string>();
  for (const q of features.quantities) for (const s of quantitySpellings(q)) parts.add(s);
  for (const word of features.searchWords) {
    if (/^[a-z0-9]+(?:\.[a-z0-9]+)*$/.test(word) && !features.quantities.has(word)) parts.add(word);
    if (parts.size >= MAX_SEARCH_WORDS) break;
  }
  return parts.size > 0 ? [...parts].join(" | ") : null;
}
