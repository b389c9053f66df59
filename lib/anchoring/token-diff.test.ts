import { describe, expect, it } from "vitest";
import { alignTokens, movedFrom } from "./token-diff";

const words = (text: string) => text.split(" ");

describe("alignTokens", () => {
  it("keeps unchanged words and reports the edited ones as hunks", () => {
    const before = words("Moscow has amassed some 100,000 troops near the border .");
    const after = words("Moscow has amassed about 100,000 troops near the border .");
    const { oldToNew, hunks } = alignTokens(before, after);
    expect(hunks).toEqual([{ oldStart: 3, oldEnd: 4, newStart: 3, newEnd: 4 }]);
    expect([...oldToNew]).toEqual([0, 1, 2, -1, 4, 5, 6, 7, 8, 9]);
  });

  it("does not keep a lone common word inside a rewrite", () => {
    const before = words("a b c one two the three four d e f");
    const after = words("a b c five six the seven eight d e f");
    const { hunks } = alignTokens(before, after);
    expect(hunks).toEqual([{ oldStart: 3, oldEnd: 8, newStart: 3, newEnd: 8 }]);
  });

  it("cuts whole sentences, leaving each full stop with its own sentence", () => {
    const before = words("First one . Second one . Third one .");
    const after = words("First one . Third one .");
    const { hunks } = alignTokens(before, after);
    expect(hunks).toEqual([{ oldStart: 3, oldEnd: 6, newStart: 3, newEnd: 3 }]);
  });

  it("finds a moved sentence that the diff shows as cut and added", () => {
    const moved = words("the moved sentence with many words in it .");
    const rest = words("a long kept passage that stays where it was in both texts and is longer than the moved one .");
    const before = [...moved, ...rest];
    const after = [...rest, ...moved];
    const alignment = alignTokens(before, after);
    const from = movedFrom(before, after, alignment);
    moved.forEach((_, k) => expect(from[rest.length + k]).toBe(k));
  });

  it("handles empty sides", () => {
    expect(alignTokens([], words("a b")).hunks).toEqual([{ oldStart: 0, oldEnd: 0, newStart: 0, newEnd: 2 }]);
    expect(alignTokens([], []).hunks).toEqual([]);
  });
});
