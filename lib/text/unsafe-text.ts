/** A NUL character (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its partner (not text at all). */
const UNSAFE = /[\p{Surrogate}\u0000]/u;

/**
 * Finds the first string inside a JSON-like input that cannot be stored as text, and returns its path
 * ("rationale", "items.2.note"), or null when every string is fine. Checked once for every procedure.
 */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return UNSAFE.test(value) ? path.join(".") || "input" : null;
  if (depth > 32 || value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findUnstorableText(child, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}
