export function withRequestOutcome<T>(serve: () => T): T;
export function markDatabaseUnavailable(retryAfterSeconds: number): void;
export function unavailableRetryAfter(): number | undefined;
export function noteDataShown(value: unknown): void;
export function dataShownDigest(): string | undefined;
