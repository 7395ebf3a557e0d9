import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resultsCsvOptions } from "./csv.ts";
import { type Delimiter, firstLine, headerSignature, sniffDelimiter } from "./header.ts";
import { checkMapping, type ItemSpec, type ResultMapping, suggestMapping } from "./mapping.ts";
import { DuplicateCheck, LineTracker, type ParsedResult, type RowProblem, rowReader } from "./rows.ts";

const items: ItemSpec[] = [
  { label: "Q1", kind: "points", maxPoints: 2, answerKey: "" },
  { label: "Q2", kind: "choice", maxPoints: 1, answerKey: "B" },
];

/** Reads a whole file the way the server's stream does, row by row. */
function readFile(text: string, mapping?: ResultMapping) {
  const delimiter = sniffDelimiter(firstLine(text));
  const records = parse(text, resultsCsvOptions(delimiter)) as unknown as {
    record: string[];
    info: { lines: number; empty_lines: number };
  }[];
  const lines = new LineTracker();
  const header = records[0]?.record ?? [];
  lines.start(header, records[0]?.info ?? { empty_lines: 0 });
  const map = mapping ?? suggestMapping(header, items);
  const read = rowReader(header, map, items);
  const dupes = new DuplicateCheck();
  const results: ParsedResult[] = [];
  const problems: RowProblem[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = lines.start(record, info);
    const outcome = read(record, line);
    problems.push(...outcome.problems);
    for (const r of outcome.results) {
      const dup = dupes.problem(r, line, map.student);
      if (dup) problems.push(dup);
      else results.push(r);
    }
  }
  return { delimiter, header, mapping: map, results, problems };
}

describe("the header of a results file", () => {
  it("finds the delimiter outside quotes, and the first line through quoted newlines", () => {
    expect(sniffDelimiter("Student;Item;Score")).toBe(";");
    expect(sniffDelimiter("Student\tItem\tScore")).toBe("\t");
    expect(sniffDelimiter('"Name; first",Item,Score')).toBe(",");
    expect(sniffDelimiter("Student")).toBe(",");
    expect(firstLine('"a\nb",c\r\n1,2')).toBe('"a\nb",c');
  });

  it("signs the same header alike whatever its case, spacing or BOM, and different headers apart", () => {
    expect(headerSignature(["\uFEFFStudent ID", "Q1"])).toBe(headerSignature(["student  id ", "q1"]));
    expect(headerSignature(["Student ID", "Q1"])).not.toBe(headerSignature(["Student ID", "Q2"]));
    expect(headerSignature(["a", "b"])).not.toBe(headerSignature(["a\u001fb"]));
  });

  it("suggests long for an item and score column, wide for columns named like items", () => {
    expect(suggestMapping(["Student ID", "Item", "Score"], items)).toEqual({
      shape: "long",
      student: "Student ID",
      item: "Item",
      score: "Score",
    });
    expect(suggestMapping(["Student", "q1", "Q2", "Teacher"], items)).toEqual({
      shape: "wide",
      student: "Student",
      items: { q1: "Q1", Q2: "Q2" },
    });
  });

  it("names the mapping field to fix", () => {
    const header = ["Student", "Q1"];
    expect(checkMapping(header, { shape: "long", student: "Student", item: "Item" }, items)).toEqual([
      { field: "mapping.item", message: expect.stringContaining("no column “Item”") },
      { field: "mapping.score", message: expect.stringContaining("score column") },
    ]);
    expect(checkMapping(header, { shape: "wide", student: "Student", items: { Q1: "Q9" } }, items)).toEqual([
      { field: "mapping.items.Q1", message: expect.stringContaining("no item “Q9”") },
    ]);
    expect(checkMapping(header, { shape: "wide", student: "Student", items: { Q1: "Q1" } }, items)).toEqual(
      [],
    );
  });
});

describe("each bad row, with its line and what to fix", () => {
  const file = [
    "Student ID,Item,Score,Response",
    "1001,Q1,2,", // fine
    "1001,Q3,1,", // unknown item
    "1002,Q1,two,", // not a number
    "1003,Q1,3,", // above the maximum
    "1004,Q1,-1,", // below 0
    "1005,Q2,,BB", // not a single letter
    ",Q1,1,", // empty student
    "1001,Q1,1,", // duplicate of line 2
    "1006,Q2,,b", // right (lowercase letter)
    "1007,Q2,,C", // wrong
  ].join("\n");

  it("reports each on its own line and keeps the good rows, choice items scored by the key", () => {
    const { results, problems } = readFile(file);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, "Item"],
      [4, "Score"],
      [5, "Score"],
      [6, "Score"],
      [7, "Response"],
      [8, "Student ID"],
      [9, "Student ID"],
    ]);
    expect(problems[2]?.message).toBe(
      "3 is outside item Q1’s 0 to 2 points: correct the score or the item’s maximum.",
    );
    expect(problems[6]?.message).toContain("on line 2");
    expect(results).toEqual([
      { student: "1001", item: "Q1", score: 2, response: "" },
      { student: "1006", item: "Q2", score: 1, response: "B" },
      { student: "1007", item: "Q2", score: 0, response: "C" },
    ]);
  });

  it("reads a wide file: an empty cell is an unanswered item, a bad cell names its column", () => {
    const { results, problems } = readFile("Student;Q1;Q2\r\n7;1,5;A\r\n8;;B\r\n9;x;B\r\n");
    expect(problems).toEqual([
      { line: 2, field: "Q1", message: expect.stringContaining("“1,5” is not a number") },
      { line: 4, field: "Q1", message: expect.stringContaining("“x” is not a number") },
    ]);
    // "1,5" is not a number to us: a semicolon file with decimal commas is reported, not guessed at.
    expect(results).toEqual([{ student: "8", item: "Q2", score: 1, response: "B" }]);
  });
});

// —— Property tests: generated files parse back to exactly what was generated ——

/** A result as written; `raw` writes a score cell that is not the number (a fault). */
type Generated = { student: string; item: ItemSpec; score: number; response: string; raw?: string };

const tricky = fc.stringMatching(/^[A-Za-z0-9 ,;"\t\n\r-]{1,8}$/).filter((s) => s.trim() === s && s !== "");
const choiceItem = fc.record({
  label: fc.constant(""),
  kind: fc.constant("choice" as const),
  maxPoints: fc.integer({ min: 1, max: 4 }),
  answerKey: fc.constantFrom("A", "B", "C", "D"),
});
const pointsItem = fc.record({
  label: fc.constant(""),
  kind: fc.constant("points" as const),
  maxPoints: fc.integer({ min: 1, max: 10 }),
  answerKey: fc.constant(""),
});

const fileShape = fc
  .record({
    items: fc.array(fc.oneof(choiceItem, pointsItem), { minLength: 1, maxLength: 5 }),
    students: fc.uniqueArray(tricky, { minLength: 1, maxLength: 6 }),
    shape: fc.constantFrom("long" as const, "wide" as const),
    delimiter: fc.constantFrom<Delimiter>(",", ";", "\t"),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    quoteAll: fc.boolean(),
    note: tricky,
    seed: fc.integer(),
  })
  .map((f) => ({ ...f, items: f.items.map((i, n) => ({ ...i, label: `Item ${n + 1}` })) }));

function generatedResults(f: { items: ItemSpec[]; students: string[]; seed: number }): Generated[] {
  const out: Generated[] = [];
  let s = f.seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s;
  };
  for (const student of f.students)
    for (const item of f.items) {
      if (next() % 4 === 0) continue; // not every student answers every item
      if (item.kind === "choice") {
        const response = "ABCD"[next() % 4] ?? "A";
        out.push({ student, item, response, score: response === item.answerKey ? item.maxPoints : 0 });
      } else out.push({ student, item, response: "", score: (next() % (item.maxPoints * 2 + 1)) / 2 });
    }
  return out;
}

type FileOptions = { delimiter: Delimiter; bom: boolean; crlf: boolean; quoteAll: boolean };

function writeCsv(rows: string[][], o: FileOptions): { text: string; lines: number[] } {
  const eol = o.crlf ? "\r\n" : "\n";
  const cell = (c: string) =>
    o.quoteAll || /[",;\t\r\n]/.test(c) || c.includes(o.delimiter) ? `"${c.replaceAll('"', '""')}"` : c;
  let text = o.bom ? "\uFEFF" : "";
  let line = 1;
  const lines: number[] = [];
  for (const row of rows) {
    lines.push(line);
    const written = row.map(cell).join(o.delimiter) + eol;
    line += written.split(/\r\n|\n|\r/).length - 1;
    text += written;
  }
  return { text, lines };
}

function buildFile(
  f: FileOptions & { shape: "long" | "wide"; items: ItemSpec[]; note: string },
  results: Generated[],
) {
  if (f.shape === "long") {
    const rows = [["Student ID", "Item", "Score", "Response", "Note"]];
    for (const r of results)
      rows.push([
        r.student,
        r.item.label,
        r.item.kind === "choice" ? "" : (r.raw ?? String(r.score)),
        r.response,
        f.note,
      ]);
    return { ...writeCsv(rows, f), rowResults: results.map((r) => [r]) };
  }
  const students = [...new Set(results.map((r) => r.student))];
  const rows = [["Student", "Note", ...f.items.map((i) => i.label)]];
  const rowResults = students.map((s) => results.filter((r) => r.student === s));
  for (const [n, s] of students.entries()) {
    const mine = rowResults[n] ?? [];
    rows.push([
      s,
      f.note,
      ...f.items.map((i) => {
        const r = mine.find((x) => x.item === i);
        return r ? (i.kind === "choice" ? r.response : (r.raw ?? String(r.score))) : "";
      }),
    ]);
  }
  return { ...writeCsv(rows, f), rowResults };
}

const asParsed = (g: Generated[]): ParsedResult[] =>
  g.map((r) => ({ student: r.student, item: r.item.label, score: r.score, response: r.response }));

function readWith(text: string, specs: ItemSpec[], shape: "long" | "wide") {
  const mapping: ResultMapping =
    shape === "long"
      ? { shape, student: "Student ID", item: "Item", score: "Score", response: "Response" }
      : { shape, student: "Student", items: Object.fromEntries(specs.map((i) => [i.label, i.label])) };
  const delimiter = sniffDelimiter(firstLine(text));
  const records = parse(text, resultsCsvOptions(delimiter)) as unknown as {
    record: string[];
    info: { lines: number; empty_lines: number };
  }[];
  const tracker = new LineTracker();
  const header = records[0]?.record ?? [];
  tracker.start(header, records[0]?.info ?? { empty_lines: 0 });
  const read = rowReader(header, mapping, specs);
  const results: ParsedResult[] = [];
  const problems: RowProblem[] = [];
  for (const { record, info } of records.slice(1)) {
    const o = read(record, tracker.start(record, info));
    results.push(...o.results);
    problems.push(...o.problems);
  }
  return { delimiter, results, problems };
}

describe("generated files (property-based)", () => {
  it("parse back to exactly the generated results, whatever the shape, delimiter, BOM, quoting or line ends", () => {
    fc.assert(
      fc.property(fileShape, (f) => {
        const generated = generatedResults(f);
        const { text } = buildFile(f, generated);
        const read = readWith(text, f.items, f.shape);
        expect(read.delimiter).toBe(f.delimiter);
        expect(read.problems).toEqual([]);
        expect(read.results).toEqual(asParsed(generated));
      }),
      { numRuns: 300 },
    );
  });

  it("report injected faults on exactly their lines, and keep every other row", () => {
    fc.assert(
      fc.property(fileShape, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (f, picks) => {
        const generated = generatedResults(f);
        if (generated.length === 0) return;
        const byRow = buildFile(f, generated).rowResults;
        const bad = new Set(picks.map((p) => p % byRow.length));
        // A fault per bad row: a score above the maximum, a word for a score or a choice, or (long) no student.
        const fault = (r: Generated, kind: number): Generated => {
          if (kind === 2 && f.shape === "long") return { ...r, student: "" };
          if (r.item.kind === "choice") return { ...r, response: kind === 0 ? "ZZ" : "7x" };
          return kind === 0 ? { ...r, score: r.item.maxPoints + 1 } : { ...r, raw: "n/a" };
        };
        const faulty = byRow.flatMap((rs, n) =>
          rs.map((r, k) => (bad.has(n) && k === 0 ? fault(r, (picks[0] ?? 0) % 3) : r)),
        );
        const { text, lines } = buildFile(f, faulty);
        const read = readWith(text, f.items, f.shape);
        const expectedLines = [...bad].sort((a, b) => a - b).map((n) => lines[n + 1]);
        expect(read.problems.map((p) => p.line)).toEqual(expectedLines);
        expect(read.results).toEqual(asParsed(byRow.filter((_, n) => !bad.has(n)).flat()));
      }),
      { numRuns: 300 },
    );
  });
});
