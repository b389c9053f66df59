import { describe, expect, it } from "vitest";
import type { Verdict } from "./verdicts";
import { summarizeVerdicts, summaryText } from "./verdict-summary";

describe("summarizeVerdicts", () => {
  it("counts per verdict in scale order, skipping zeros", () => {
    const verdicts: Verdict[] = ["false", "true", "misleading", "true", "true", "true", "true"];
    const summary = summarizeVerdicts(verdicts);
    expect(summary.total).toBe(7);
    expect(summary.counts).toEqual([
      { verdict: "true", label: "True", count: 5 },
      { verdict: "misleading", label: "Misleading", count: 1 },
      { verdict: "false", label: "False", count: 1 },
    ]);
    expect(summaryText(summary)).toBe("7 checked · 5 true · 1 misleading · 1 false");
  });

  it("puts unverifiable last and lowercases multi-word labels", () => {
    const summary = summarizeVerdicts(["unverifiable", "mostly_false", "mostly_true"]);
    expect(summary.counts.map((c) => c.verdict)).toEqual(["mostly_true", "mostly_false", "unverifiable"]);
    expect(summaryText(summary)).toBe("3 checked · 1 mostly true · 1 mostly false · 1 unverifiable");
  });

  it("says so when nothing is checked yet", () => {
    const summary = summarizeVerdicts([]);
    expect(summary).toEqual({ total: 0, counts: [] });
    expect(summaryText(summary)).toBe("No claims checked yet");
  });
});
