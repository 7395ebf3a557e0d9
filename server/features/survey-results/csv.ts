import type { ResultsQuery, SurveyResults } from "../../../shared/schemas/survey-results.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { csvFileName, toCsv } from "../../lib/csv.ts";
import { readResults } from "./service.ts";

/*
 * The results as a spreadsheet: aggregates only — one row per section, per statement and per scale point
 * or option, with counts, percents, means and SDs. Never a row per respondent, and no free-text answers
 * (they are one person's words; they are read on the screen). Same reading rule and suppression as the
 * results themselves (readResults), and every cell neutralised against formulas (lib/csv.ts).
 */

const HEADER = ["Section", "Question key", "Question", "Row", "Answer", "Count", "Percent", "Mean", "SD"];

function rowsOf(results: SurveyResults): unknown[][] {
  const rows: unknown[][] = [];
  for (const s of results.sections) {
    rows.push([s.title, "", "", "section", "", s.count, "", s.mean ?? "", s.sd ?? ""]);
    for (const q of s.questions) {
      if (q.kind === "short_text" || q.kind === "long_text") {
        rows.push([s.title, q.key, q.text, "text answers", "", q.count, "", "", ""]);
        continue;
      }
      rows.push([s.title, q.key, q.text, "question", "", q.count, "", q.mean ?? "", q.sd ?? ""]);
      for (const d of q.distribution)
        rows.push([s.title, q.key, q.text, "answer", d.label, d.count, d.percent, "", ""]);
    }
  }
  return rows;
}

export async function resultsCsv(ctx: ServiceContext, id: string, query: ResultsQuery) {
  const results = await readResults(ctx, id, query);
  const filter = [
    query.school
      ? `school: ${results.filters.schools.find((o) => o.value === query.school)?.label ?? ""}`
      : "",
    query.role ? `role: ${query.role}` : "",
  ].filter(Boolean);
  const first = ["All sections", "", results.administration.title, "responses", filter.join(", ")];
  const summary = [...first, results.responses, results.rate ?? "", "", ""];
  return {
    filename: csvFileName("survey-results", results.administration.title),
    csv: toCsv(HEADER, [summary, ...rowsOf(results)]),
  };
}
