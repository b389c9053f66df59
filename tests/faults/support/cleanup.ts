import { afterAll } from "vitest";

/**
 * Registers undo steps as resources are acquired; afterAll runs them in reverse order, each even when an
 * earlier one failed, then reports the first failure. A test that fails half-way still stops its servers
 * and proxies and drops its database.
 */
export function cleanupStack() {
  const steps: { label: string; run: () => unknown }[] = [];
  afterAll(async () => {
    const failures: string[] = [];
    for (const step of steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        failures.push(`${step.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failures.length) throw new Error(`clean-up failed: ${failures.join("; ")}`);
  }, 60_000);
  return {
    /** Registers `undo` and returns `value`, so acquisition and its clean-up are written together. */
    defer<T>(label: string, value: T, undo: (value: T) => unknown): T {
      steps.push({ label, run: () => undo(value) });
      return value;
    },
  };
}
