/*
 * CSV in the browser, for exports of what a screen shows (chart tables, groups). Every cell is quoted,
 * and text a spreadsheet would run as a formula (= + - @, a tab or a carriage return first) gets a
 * leading apostrophe so it stays text — the same rule as the server's exports (cycles/report.ts).
 */

export type CsvValue = string | number | boolean | null | undefined;
export type CsvColumn = { key: string; label: string };
export type CsvRow = Record<string, CsvValue>;

export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A header row of the columns' labels, then one line per row, CRLF as spreadsheets expect. */
export function toCsv(columns: CsvColumn[], rows: CsvRow[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name from a title: lower-case words joined by hyphens, never empty. */
export function fileNameOf(title: string, extension: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .slice(0, 80);
  return `${base || "export"}.${extension}`;
}

/** Saves a blob under a file name (an anchor with `download`, clicked and removed). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves rows as a CSV file; a byte-order mark first so spreadsheets read UTF-8 names correctly. */
export function downloadCsv(name: string, columns: CsvColumn[], rows: CsvRow[]): void {
  downloadBlob(name, new Blob([`\uFEFF${toCsv(columns, rows)}`], { type: "text/csv;charset=utf-8" }));
}
