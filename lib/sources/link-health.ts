/**
 * Link-rot watch, decided without a database: what one check means for a source's standing. A source is only
 * called dead after `deadAfterFailures` failed checks in a row spread over at least `deadAfterDays` days, so a
 * site that is down for an afternoon is not marked dead to readers.
 */
export const CHECK_OUTCOMES = ["ok", "redirected", "failed"] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export const LINK_HEALTH = ["ok", "redirected", "failing", "dead"] as const;
export type LinkHealth = (typeof LINK_HEALTH)[number];

export interface LinkStanding {
  health: LinkHealth;
  consecutiveFailures: number;
  /** When the current run of failures began; null while the link answers. */
  firstFailureAt: Date | null;
  /** Where the link now leads, for `redirected`. */
  redirectUrl: string | null;
}

export interface DeadRule {
  deadAfterFailures: number;
  deadAfterDays: number;
}

export const FRESH_STANDING: LinkStanding = { health: "ok", consecutiveFailures: 0, firstFailureAt: null, redirectUrl: null };

export function nextStanding(previous: LinkStanding, check: { outcome: CheckOutcome; finalUrl: string | null; at: Date }, rule: DeadRule): LinkStanding {
  if (check.outcome === "ok") return FRESH_STANDING;
  if (check.outcome === "redirected") return { health: "redirected", consecutiveFailures: 0, firstFailureAt: null, redirectUrl: check.finalUrl };
  const consecutiveFailures = previous.consecutiveFailures + 1;
  const firstFailureAt = previous.firstFailureAt ?? check.at;
  const days = (check.at.getTime() - firstFailureAt.getTime()) / 86_400_000;
  const dead = consecutiveFailures >= rule.deadAfterFailures && days >= rule.deadAfterDays;
  return { health: dead ? "dead" : "failing", consecutiveFailures, firstFailureAt, redirectUrl: previous.redirectUrl };
}

/**
 * What a check found. A redirect only counts when it leads somewhere else than the canonical form of the same page
 * (http -> https, a trailing slash), which the caller decides by comparing canonical URLs.
 */
export function outcomeOf(result: { status: number; sameDocument: boolean } | { error: string }): CheckOutcome {
  if ("error" in result) return "failed";
  if (result.status >= 200 && result.status < 300) return result.sameDocument ? "ok" : "redirected";
  // 401/403/429: the page exists but will not talk to robots; that is not rot.
  if (result.status === 401 || result.status === 403 || result.status === 429) return "ok";
  return "failed";
}

/**
 * Spreads the re-checks of `count` sources evenly over `periodMs`: the delay before the i-th check, so a weekly
 * period re-checks every source once a week without a burst at midnight.
 */
export function spreadDelays(count: number, periodMs: number): number[] {
  if (count <= 0) return [];
  const step = periodMs / count;
  return Array.from({ length: count }, (_, i) => Math.floor(i * step));
}
