import { describe, expect, it } from "vitest";
import { normaliseEditedBody } from "./edited-body";

describe("normaliseEditedBody", () => {
  it("makes line ends Unix, trims the ends and keeps one blank line between paragraphs", () => {
    expect(normaliseEditedBody("  \r\nFirst “one”.  \r\n\r\n\r\n\r\nSecond — two.\n\n")).toBe("First “one”.\n\nSecond — two.");
  });

  it("keeps typography and inner spacing of a paragraph as typed", () => {
    expect(normaliseEditedBody("some  100,000 troops’ …")).toBe("some  100,000 troops’ …");
  });
});
