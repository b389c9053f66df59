import { describe, expect, it } from "vitest";
import { fromSpreadsheetSafe, spreadsheetSafe } from "./spreadsheet-safe";

describe("spreadsheet-safe CSV cells", () => {
  it.each(["=HYPERLINK(\"https://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("%j is exported as text and read back as typed", (value) => {
    expect(spreadsheetSafe(value)).toBe(`'${value}`);
    expect(fromSpreadsheetSafe(spreadsheetSafe(value))).toBe(value);
  });

  it.each(["Budget report", "https://example.org/a", "'quoted on purpose", "", "100 = 100"])("%j is left alone both ways", (value) => {
    expect(spreadsheetSafe(value)).toBe(value);
    expect(fromSpreadsheetSafe(value)).toBe(value);
  });
});
