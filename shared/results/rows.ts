import type { ItemSpec, ResultMapping } from "./mapping.ts";

/*
 * Reading the rows of a results file, one at a time (the server streams millions of them): each row
 * becomes zero or more results (a wide row holds one per item), or problems — each with the line where
 * the row starts, the field, and a sentence saying what to fix.
 */

/** One student's result on one item, as the file gives it (the student still to be resolved). */
export type ParsedResult = { student: string; item: string; score: number; response: string };
export type RowProblem = { line: number; field: string; message: string };
export type RowOutcome = { results: ParsedResult[]; problems: RowProblem[] };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const LETTER = /^[A-Za-z]$/;

/**
 * The header's column positions for the mapping, and a function reading each data row. The row's cells are
 * the parser's (quotes and BOM already removed); `line` is the file line where the row starts.
 */
export function rowReader(
  header: readonly string[],
  mapping: ResultMapping,
  items: readonly ItemSpec[],
): (cells: readonly string[], line: number) => RowOutcome {
  const at = (column: string | undefined) => (column === undefined ? -1 : header.indexOf(column));
  const byLabel = new Map(items.map((i) => [i.label, i]));
  const student = at(mapping.student);
  if (mapping.shape === "long") {
    const item = at(mapping.item);
    const score = at(mapping.score);
    const response = at(mapping.response);
    return (cells, line) => {
      const problems: RowProblem[] = [];
      const id = (cells[student] ?? "").trim();
      if (!id) problems.push(emptyStudent(line, mapping.student));
      const label = (cells[item] ?? "").trim();
      const spec = byLabel.get(label);
      if (!spec)
        problems.push({
          line,
          field: mapping.item,
          message: label
            ? `The assessment has no item “${label}”: correct the label or add the item to the assessment.`
            : "The item is empty: give the item’s label.",
        });
      const cellOf = (i: number) => (i < 0 ? undefined : (cells[i] ?? "").trim());
      const value = spec ? readValue(spec, cellOf(score), cellOf(response), line, mapping) : null;
      if (value && "problem" in value) problems.push(value.problem);
      if (problems.length > 0 || !spec || !value || "problem" in value) return { results: [], problems };
      return { results: [{ student: id, item: label, ...value }], problems };
    };
  }
  const columns = Object.entries(mapping.items).map(([column, label]) => ({
    column,
    index: at(column),
    spec: byLabel.get(label),
  }));
  return (cells, line) => {
    const id = (cells[student] ?? "").trim();
    if (!id) return { results: [], problems: [emptyStudent(line, mapping.student)] };
    const results: ParsedResult[] = [];
    const problems: RowProblem[] = [];
    for (const { column, index, spec } of columns) {
      const cell = (cells[index] ?? "").trim();
      // An empty cell in a wide file is an item the student did not answer: no result, not a problem.
      if (!spec || cell === "") continue;
      const choice = spec.kind === "choice" && !NUMBER.test(cell);
      const value = choice
        ? readValue(spec, undefined, cell, line, { response: column })
        : readValue(spec, cell, undefined, line, { score: column });
      if ("problem" in value) problems.push(value.problem);
      else results.push({ student: id, item: spec.label, ...value });
    }
    return problems.length > 0 ? { results: [], problems } : { results, problems };
  };
}

const emptyStudent = (line: number, field: string): RowProblem => ({
  line,
  field,
  message: "The student id is empty: give the student’s id (the district student number or roster id).",
});

type Value = { score: number; response: string } | { problem: RowProblem };

/** A choice item's letter is scored by the key (right = its points, else 0); otherwise the score is read. */
function readValue(
  spec: ItemSpec,
  score: string | undefined,
  response: string | undefined,
  line: number,
  mapping: { score?: string; response?: string },
): Value {
  if (spec.kind === "choice" && response) {
    if (!LETTER.test(response))
      return {
        problem: {
          line,
          field: mapping.response ?? "",
          message: `“${response}” is not a choice: give the single letter the student chose (A, B, C…).`,
        },
      };
    const letter = response.toUpperCase();
    return { score: letter === spec.answerKey.toUpperCase() ? spec.maxPoints : 0, response: letter };
  }
  const field = mapping.score ?? mapping.response ?? "";
  if (score === undefined || score === "" || !NUMBER.test(score))
    return {
      problem: {
        line,
        field,
        message: score
          ? `“${score}” is not a number: give the points as a number such as 2 or 1.5.`
          : `The score of item ${spec.label} is empty: give the points the student earned.`,
      },
    };
  const points = Number(score);
  if (points < 0 || points > spec.maxPoints)
    return {
      problem: {
        line,
        field,
        message: `${score} is outside item ${spec.label}’s 0 to ${spec.maxPoints} points: correct the score or the item’s maximum.`,
      },
    };
  return { score: points, response: "" };
}

/**
 * Duplicate student–item rows within one file. Keeps one key per result seen, so a caller with millions
 * of rows checks duplicates elsewhere (the server does it in its staging table); for previews and tests.
 */
export class DuplicateCheck {
  private readonly seen = new Map<string, number>();
  problem(result: ParsedResult, line: number, field: string): RowProblem | null {
    const key = `${result.student}\u001f${result.item}`;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, line);
      return null;
    }
    return {
      line,
      field,
      message: `Student ${result.student} already has a result for item ${result.item} on line ${first}: keep one of the two rows.`,
    };
  }
}

/**
 * The line where each record starts. csv-parse's `info.lines` is the line a record ends on and counts a
 * quoted CRLF as two lines, so the lines are counted here: one per record, plus the line breaks inside
 * its quoted cells, plus the blank lines skipped before it.
 */
export class LineTracker {
  private next = 1;
  private empty = 0;
  start(record: readonly string[], info: { empty_lines: number }): number {
    const start = this.next + (info.empty_lines - this.empty);
    let breaks = 0;
    for (const cell of record)
      if (cell.includes("\n") || cell.includes("\r")) breaks += cell.split(/\r\n|\r|\n/).length - 1;
    this.next = start + 1 + breaks;
    this.empty = info.empty_lines;
    return start;
  }
}
