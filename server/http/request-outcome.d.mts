export function withRequestOutcome<T>(serve: () => T): T;
export function markDatabaseUnavailable(retryAfterSeconds: number): void;
export function unavailableRetryAfter(): number | undefined;
