/**
 * CSV files are opened in spreadsheets, which run a cell that starts with = + - @ (or a tab or carriage return
 * before one of them) as a formula: a source title like `=HYPERLINK(…)` typed into the registry would become a
 * live link in the admin's spreadsheet (CSV injection). Exports prefix such cells with an apostrophe, which
 * spreadsheets show as text and hide; imports take that one apostrophe off again, so a round trip keeps the
 * value exactly as it was typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function fromSpreadsheetSafe(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
