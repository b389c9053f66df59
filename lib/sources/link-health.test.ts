import { describe, expect, it } from "vitest";
import { FRESH_STANDING, nextStanding, outcomeOf, spreadDelays } from "./link-health";

const rule = { deadAfterFailures: 3, deadAfterDays: 2 };
const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000);

describe("nextStanding", () => {
  it("needs both the failure count and the days before calling a link dead", () => {
    let s = FRESH_STANDING;
    s = nextStanding(s, { outcome: "failed", finalUrl: null, at: day(0) }, rule);
    s = nextStanding(s, { outcome: "failed", finalUrl: null, at: day(0.5) }, rule);
    s = nextStanding(s, { outcome: "failed", finalUrl: null, at: day(1) }, rule);
    expect(s).toMatchObject({ health: "failing", consecutiveFailures: 3, firstFailureAt: day(0) });
    expect(nextStanding(s, { outcome: "failed", finalUrl: null, at: day(2) }, rule).health).toBe("dead");
  });
  it("an ok check clears the run of failures; a redirect keeps its new address", () => {
    const failing = nextStanding(FRESH_STANDING, { outcome: "failed", finalUrl: null, at: day(0) }, rule);
    expect(nextStanding(failing, { outcome: "ok", finalUrl: "https://a.example/x", at: day(1) }, rule)).toEqual(FRESH_STANDING);
    expect(nextStanding(failing, { outcome: "redirected", finalUrl: "https://b.example/y", at: day(1) }, rule)).toMatchObject({ health: "redirected", redirectUrl: "https://b.example/y", consecutiveFailures: 0 });
  });
});

describe("outcomeOf", () => {
  it("reads statuses: 2xx ok or redirected, 403/429 alive, 404/5xx and errors failed", () => {
    expect(outcomeOf({ status: 200, sameDocument: true })).toBe("ok");
    expect(outcomeOf({ status: 200, sameDocument: false })).toBe("redirected");
    expect(outcomeOf({ status: 403, sameDocument: true })).toBe("ok");
    expect(outcomeOf({ status: 404, sameDocument: true })).toBe("failed");
    expect(outcomeOf({ status: 503, sameDocument: true })).toBe("failed");
    expect(outcomeOf({ error: "timeout" })).toBe("failed");
  });
});

describe("spreadDelays", () => {
  it("spreads checks evenly over the period", () => {
    expect(spreadDelays(4, 1000)).toEqual([0, 250, 500, 750]);
    expect(spreadDelays(0, 1000)).toEqual([]);
  });
});
