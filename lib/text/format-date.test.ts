import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format-date";

describe("formatDate", () => {
  it("formats a calendar day without shifting it", () => {
    expect(formatDate("2022-01-28")).toBe("28 January 2022");
    expect(formatDate("2022-01-28T23:59:00-05:00")).toBe("28 January 2022");
  });
});

describe("formatDateTime", () => {
  it("writes day, month, year and a 24-hour UTC time", () => {
    expect(formatDateTime(new Date("2026-12-01T08:07:59Z"))).toBe("1 December 2026, 08:07 UTC");
    expect(formatDateTime("2026-12-01T20:07:00.000Z")).toBe("1 December 2026, 20:07 UTC");
  });

  it("converts other offsets to UTC, across midnight", () => {
    expect(formatDateTime("2026-12-01T01:30:00+02:00")).toBe("30 November 2026, 23:30 UTC");
  });

  it("is the same string for a Date and its ISO form (server and browser agree)", () => {
    const at = new Date("2026-03-05T00:00:00Z");
    expect(formatDateTime(at)).toBe(formatDateTime(at.toISOString()));
    expect(formatDateTime(at)).toBe("5 March 2026, 00:00 UTC");
  });
});
