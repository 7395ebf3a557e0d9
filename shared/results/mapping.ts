import type { ItemKind } from "../schemas/student-enums.ts";
import { normaliseHeader } from "./header.ts";

/*
 * The column mapping: which column of a results file is what. Columns are named by their header text
 * (what the person sees in the mapping step); a remembered mapping applies to files whose header
 * signature matches, so the names are the same.
 *
 * - long: one row per student and item — a student column, an item column (its cells name the item by
 *   label), and a score column, a response column (the letter chosen), or both.
 * - wide: one row per student — a student column, and one column per item (each cell the score, or for a
 *   choice item the letter).
 */

export type LongMapping = {
  shape: "long";
  student: string;
  item: string;
  score?: string;
  response?: string;
};
export type WideMapping = {
  shape: "wide";
  student: string;
  /** Column header → item label. Columns not listed are ignored. */
  items: Record<string, string>;
};
export type ResultMapping = LongMapping | WideMapping;

/** What the import needs to know of an item. */
export type ItemSpec = { label: string; kind: ItemKind; maxPoints: number; answerKey: string };

/** A problem with the mapping itself (before any row is read). */
export type MappingProblem = { field: string; message: string };

const STUDENT = [
  "student id",
  "student",
  "studentid",
  "student number",
  "student_id",
  "id",
  "identifier",
  "sourcedid",
];
const ITEM = ["item", "question", "item label", "question number", "item_id", "item id"];
const SCORE = ["score", "points", "points earned", "mark"];
const RESPONSE = ["response", "answer", "choice", "answer chosen"];

const find = (header: readonly string[], names: string[]) =>
  header.find((h) => names.includes(normaliseHeader(h)));

/**
 * A first guess at the mapping from the header and the assessment's items: long when there is an item
 * column and a score or response column; otherwise wide, with every column named like an item mapped to
 * it. The person checks and corrects it in the mapping step.
 */
export function suggestMapping(header: readonly string[], items: readonly ItemSpec[]): ResultMapping {
  const student = find(header, STUDENT) ?? header[0] ?? "";
  const item = find(header, ITEM);
  const score = find(header, SCORE);
  const response = find(header, RESPONSE);
  if (item && (score || response)) {
    return { shape: "long", student, item, ...(score && { score }), ...(response && { response }) };
  }
  const byLabel = new Map(items.map((i) => [normaliseHeader(i.label), i.label]));
  const mapped: Record<string, string> = {};
  for (const h of header) {
    const label = byLabel.get(normaliseHeader(h));
    if (h !== student && label) mapped[h] = label;
  }
  return { shape: "wide", student, items: mapped };
}

/** Whether the mapping fits the header and the items; each problem names the mapping field to fix. */
export function checkMapping(
  header: readonly string[],
  mapping: ResultMapping,
  items: readonly ItemSpec[],
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const columns = new Set(header);
  const need = (field: string, column: string | undefined, what: string) => {
    if (column !== undefined && !columns.has(column))
      problems.push({
        field,
        message: `The file has no column “${column}”: choose the column that holds ${what}.`,
      });
  };
  need("mapping.student", mapping.student, "the student ids");
  if (mapping.shape === "long") {
    need("mapping.item", mapping.item, "the item labels");
    need("mapping.score", mapping.score, "the scores");
    need("mapping.response", mapping.response, "the responses");
    if (mapping.score === undefined && mapping.response === undefined)
      problems.push({
        field: "mapping.score",
        message: "Choose a score column, a response column, or both.",
      });
    return problems;
  }
  const labels = new Set(items.map((i) => i.label));
  const entries = Object.entries(mapping.items);
  if (entries.length === 0)
    problems.push({
      field: "mapping.items",
      message: "Map at least one column to an item of the assessment.",
    });
  const used = new Set<string>();
  for (const [column, label] of entries) {
    need(`mapping.items.${column}`, column, `item ${label}`);
    if (!labels.has(label))
      problems.push({
        field: `mapping.items.${column}`,
        message: `The assessment has no item “${label}”: choose one of its items for column “${column}”.`,
      });
    if (used.has(label))
      problems.push({
        field: `mapping.items.${column}`,
        message: `Item “${label}” is mapped to two columns: map each item to one column.`,
      });
    used.add(label);
  }
  return problems;
}
