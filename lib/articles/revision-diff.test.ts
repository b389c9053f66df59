import { describe, expect, it } from "vitest";
import { diffCounts, revisionDiff } from "./revision-diff";

describe("revisionDiff", () => {
  it("marks a replaced word and a deleted paragraph, keeping everything else as it was", () => {
    const before = "Moscow has amassed some 100,000 troops.\n\nHe outlined missile deployment.\n\nThe end.";
    const after = "Moscow has amassed about 100,000 troops.\n\nThe end.";
    const { parts, complete } = revisionDiff(before, after);
    expect(complete).toBe(true);
    // Reassembling the parts gives back each body.
    expect(parts.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe(before);
    expect(parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(after);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["some", expect.stringContaining("He outlined missile deployment.")]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["about"]);
    expect(diffCounts(parts)).toEqual({ added: 1, removed: 5 });
  });

  it("identical bodies are one unchanged part", () => {
    expect(revisionDiff("Same text.", "Same text.").parts).toEqual([{ kind: "same", text: "Same text." }]);
  });

  it("gives up on a diff that takes too long and says so, without losing either text", () => {
    const before = Array.from({ length: 4000 }, (_, i) => `w${i}`).join(" ");
    const after = Array.from({ length: 4000 }, (_, i) => `v${i}`).join(" ");
    const result = revisionDiff(before, after, { timeoutMs: 0 });
    expect(result.complete).toBe(false);
    expect(result.parts).toEqual([{ kind: "removed", text: before }, { kind: "added", text: after }]);
  });
});
