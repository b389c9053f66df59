import { describe, expect, it } from "vitest";
import { splitParagraphs } from "@/lib/text/paragraphs";
import { assignLanes, markWarnings } from "./overlaps";

describe("assignLanes", () => {
  it("puts overlapping claims in different lanes and reuses a lane once it is free", () => {
    const lanes = assignLanes([
      { id: 1, start: 0, end: 10 },
      { id: 2, start: 5, end: 15 },
      { id: 3, start: 12, end: 20 }, // overlaps 2 only: lane 0 is free again after 10
      { id: 4, start: 20, end: 25 }, // touches 3 without sharing a character
    ]);
    expect(Object.fromEntries(lanes)).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0 });
  });
  it("gives nested claims their own lanes, outermost first", () => {
    const lanes = assignLanes([
      { id: 7, start: 2, end: 4 },
      { id: 5, start: 0, end: 10 },
      { id: 6, start: 1, end: 8 },
    ]);
    expect(Object.fromEntries(lanes)).toEqual({ 5: 0, 6: 1, 7: 2 });
  });
  it("ignores empty spans", () => {
    expect(assignLanes([{ id: 1, start: 3, end: 3 }]).size).toBe(0);
  });
});

describe("markWarnings", () => {
  const body = "First paragraph here.\n\nSecond one follows.";
  const paragraphs = splitParagraphs(body);
  const second = body.indexOf("Second");

  it("says nothing for a span inside one paragraph that touches no claim", () => {
    expect(markWarnings(0, 5, paragraphs, [{ id: 1, start: 6, end: 15 }])).toEqual({ crossesParagraphs: false, overlapping: [] });
  });
  it("warns when the span runs across a paragraph break", () => {
    expect(markWarnings(6, second + 6, paragraphs, []).crossesParagraphs).toBe(true);
    // A whole paragraph, up to its last character, is still one paragraph.
    expect(markWarnings(second, body.length, paragraphs, []).crossesParagraphs).toBe(false);
  });
  it("lists every claim the span shares a character with, in text order", () => {
    const spans = [
      { id: 9, start: 10, end: 20 },
      { id: 3, start: 0, end: 5 },
      { id: 4, start: 12, end: 13 }, // touches the span's end without sharing a character
    ];
    expect(markWarnings(4, 12, paragraphs, spans).overlapping).toEqual([3, 9]);
    expect(markWarnings(6, 10, paragraphs, spans).overlapping).toEqual([]);
  });
});
