import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { COLUMNS, type RosterFile } from "./spec.ts";

export type Problem = { file: string; line: number; field: string; message: string };

/** Problems found, the first `cap` kept (a broken 100k-row file would otherwise fill the report). */
export class Problems {
  readonly list: Problem[] = [];
  total = 0;
  private readonly cap: number;
  constructor(cap = 500) {
    this.cap = cap;
  }
  add(file: string, line: number, field: string, message: string) {
    this.total++;
    if (this.list.length < this.cap) this.list.push({ file, line, field, message });
  }
}

export type Line = { line: number; row: Record<string, string> };

/**
 * The rows of one OneRoster CSV, streamed: BOM dropped, quoted fields and CRLF understood, header names
 * matched to the spec's case-insensitively. A header missing a required column, another delimiter than
 * the comma, a row with the wrong number of fields or unbalanced quotes are problems, not exceptions.
 */
export async function* readRows(
  stream: Readable,
  file: RosterFile,
  problems: Problems,
): AsyncGenerator<Line> {
  const name = `${file}.csv`;
  const parser = stream.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  let header: (string | null)[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = mapHeader(record, file, name, problems);
        if (!header) return;
        continue;
      }
      if (record.length !== header.length) {
        problems.add(name, info.lines, "", `has ${record.length} fields; the header has ${header.length}.`);
        continue;
      }
      const row: Record<string, string> = {};
      header.forEach((h, i) => {
        if (h) row[h] = (record[i] ?? "").trim();
      });
      yield { line: info.lines, row };
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    problems.add(
      name,
      line,
      "",
      `cannot be read as CSV here (${(error as Error).message.split(":")[0]}): check quotes.`,
    );
  }
  if (!header) problems.add(name, 1, "", "is empty: it needs at least its header line.");
}

function mapHeader(record: string[], file: RosterFile, name: string, problems: Problems) {
  const spec = COLUMNS[file];
  const byLower = new Map(spec.map((c) => [c.name.toLowerCase(), c.name]));
  const header = record.map((h) => byLower.get(h.trim().toLowerCase()) ?? null);
  if (record.length === 1 && /[;\t|]/.test(record[0] ?? "")) {
    const d = (record[0] ?? "").match(/[;\t|]/)?.[0];
    problems.add(
      name,
      1,
      "",
      `is separated by ${d === "\t" ? "tabs" : `"${d}"`}; OneRoster files use commas. Export it again as comma-separated CSV.`,
    );
    return null;
  }
  const missing = spec.filter((c) => c.required && !header.includes(c.name));
  for (const c of missing) problems.add(name, 1, c.name, "column is missing from the header line.");
  return missing.length ? null : header;
}

/** The manifest: propertyName → value. */
export async function readManifest(stream: Readable, problems: Problems): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  let first = true;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (first) {
        first = false;
        if ((record[0] ?? "").trim().toLowerCase() === "propertyname") continue;
      }
      out.set((record[0] ?? "").trim(), (record[1] ?? "").trim());
    }
  } catch {
    problems.add("manifest.csv", 0, "", "cannot be read as CSV.");
  }
  return out;
}
