/**
 * Only the keys of `after` whose value differs from `before`, as a compact before/after pair for the audit
 * log; `changed` is false for a no-op, which then writes no audit row.
 */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
    changed: keys.length > 0,
  };
}
