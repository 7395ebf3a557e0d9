import { stringify } from "csv-stringify/sync";

/*
 * Every CSV Lamplight writes goes through here, so a cell a spreadsheet would run as a formula
 * (= + - @, or a tab or carriage return first: CSV injection) is kept as text with a leading apostrophe.
 * Numbers stay numbers (a negative change is not a formula).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula gets a leading apostrophe; anything else is unchanged. */
export function neutralise(value: unknown): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One quoted cell (the cycle report builds its rows by hand). */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole file: a header and rows, every cell neutralised, CRLF line ends (what spreadsheets expect). */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header.map(neutralise), ...rows.map((r) => r.map(neutralise))], {
    record_delimiter: "windows",
    quoted_string: true,
  });
}

/** A file name from a title: lower-case letters, digits and dashes. */
export function csvFileName(prefix: string, title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${prefix}${slug ? `-${slug}` : ""}.csv`;
}
