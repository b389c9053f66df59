import { describe, expect, it } from "vitest";
import { splitParagraphs } from "../text/paragraphs";
import { describeSpan } from "./describe";
import { segmentSpans } from "./segments";

describe("segmentSpans", () => {
  it("returns the whole paragraph as one uncovered segment when there are no claims", () => {
    expect(segmentSpans(100, 140, [])).toEqual([{ start: 100, end: 140, ids: [] }]);
    expect(segmentSpans(100, 100, [{ id: 1, start: 90, end: 110 }])).toEqual([]);
  });

  it("splits nested spans, listing the outer claim first", () => {
    const spans = [
      { id: 2, start: 110, end: 120 },
      { id: 1, start: 105, end: 135 },
    ];
    expect(segmentSpans(100, 140, spans)).toEqual([
      { start: 100, end: 105, ids: [] },
      { start: 105, end: 110, ids: [1] },
      { start: 110, end: 120, ids: [1, 2] },
      { start: 120, end: 135, ids: [1] },
      { start: 135, end: 140, ids: [] },
    ]);
  });

  it("splits overlapping spans", () => {
    const spans = [
      { id: 7, start: 110, end: 130 },
      { id: 3, start: 100, end: 120 },
    ];
    expect(segmentSpans(100, 140, spans)).toEqual([
      { start: 100, end: 110, ids: [3] },
      { start: 110, end: 120, ids: [3, 7] },
      { start: 120, end: 130, ids: [7] },
      { start: 130, end: 140, ids: [] },
    ]);
  });

  it("orders claims starting together longest first, then by id", () => {
    const spans = [
      { id: 9, start: 0, end: 5 },
      { id: 4, start: 0, end: 10 },
      { id: 5, start: 0, end: 5 },
    ];
    expect(segmentSpans(0, 10, spans)).toEqual([
      { start: 0, end: 5, ids: [4, 5, 9] },
      { start: 5, end: 10, ids: [4] },
    ]);
  });

  it("clips spans to the paragraph and ignores empty or outside spans", () => {
    const spans = [
      { id: 1, start: 80, end: 110 },
      { id: 2, start: 130, end: 200 },
      { id: 3, start: 0, end: 50 },
      { id: 4, start: 120, end: 120 },
    ];
    expect(segmentSpans(100, 140, spans)).toEqual([
      { start: 100, end: 110, ids: [1] },
      { start: 110, end: 130, ids: [] },
      { start: 130, end: 140, ids: [2] },
    ]);
  });

  it("merges touching pieces of the same claim", () => {
    const spans = [
      { id: 1, start: 0, end: 4 },
      { id: 1, start: 4, end: 8 },
    ];
    expect(segmentSpans(0, 8, spans)).toEqual([{ start: 0, end: 8, ids: [1] }]);
  });

  it("throws RangeError for a reversed paragraph", () => {
    expect(() => segmentSpans(10, 5, [])).toThrow(RangeError);
  });

  it("renders a claim that crosses a paragraph break in both paragraphs", () => {
    const body = "First paragraph ends here.\n\nSecond starts “here” and ends.";
    const a = describeSpan(body, body.indexOf("ends here"), body.indexOf(" starts")).position;
    const b = describeSpan(body, body.indexOf("“here”"), body.indexOf(" and")).position;
    const spans = [
      { id: 1, start: a.start, end: a.end },
      { id: 2, start: b.start, end: b.end },
    ];
    const rendered = splitParagraphs(body).map((p) =>
      segmentSpans(p.start, p.start + p.text.length, spans).map((s) => [body.slice(s.start, s.end), s.ids]),
    );
    expect(rendered).toEqual([
      [
        ["First paragraph ", []],
        ["ends here.", [1]],
      ],
      [
        ["Second", [1]],
        [" starts ", []],
        ["“here”", [2]],
        [" and ends.", []],
      ],
    ]);
  });
});
