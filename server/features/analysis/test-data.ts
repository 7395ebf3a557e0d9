import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { assessmentItems, assessmentResults, assessments, resultImports } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../../test/factories.ts";

/** Test data for analysis: an assessment with items, and imports of results written straight in. */

export type NewItem = {
  label: string;
  kind?: "points" | "choice";
  standard?: string;
  maxPoints: number;
  answerKey?: string;
};

export async function createAssessmentWithItems(
  db: Db,
  a: {
    orgId: string;
    communityId: string | null;
    createdBy: string;
    masteryPercent?: number;
    items: NewItem[];
  },
) {
  const id = newId();
  const title = unique("Analysis CFA");
  await db.insert(assessments).values({
    id,
    orgId: a.orgId,
    communityId: a.communityId,
    title,
    masteryPercent: a.masteryPercent ?? 80,
    createdBy: a.createdBy,
  });
  const items = a.items.map((item, position) => ({
    id: newId(),
    orgId: a.orgId,
    assessmentId: id,
    position,
    label: item.label,
    kind: item.kind ?? "points",
    standard: item.standard ?? "",
    maxPoints: item.maxPoints,
    answerKey: item.answerKey ?? "",
  }));
  await db.insert(assessmentItems).values(items);
  return { id, title, itemIds: new Map(items.map((i) => [i.label, i.id])) };
}

/** One student's answers: item label → a score, or [score, letter] for choice items. */
export type Answers = Record<string, number | [number, string]>;

/** Writes an import of these students' results and marks the assessment's results as changed. */
export async function importResultsDirectly(
  db: Db,
  a: { orgId: string; assessmentId: string; itemIds: Map<string, string>; createdBy: string },
  rows: [studentId: string, answers: Answers][],
): Promise<string> {
  const importId = newId();
  await db.insert(resultImports).values({
    id: importId,
    orgId: a.orgId,
    assessmentId: a.assessmentId,
    shape: "long",
    status: "completed",
    fileSha256: importId,
    mapping: {},
    createdBy: a.createdBy,
  });
  const values = rows.flatMap(([studentId, answers]) =>
    Object.entries(answers).map(([label, answer]) => {
      const [score, response] = Array.isArray(answer) ? answer : [answer, ""];
      return {
        orgId: a.orgId,
        assessmentId: a.assessmentId,
        itemId: a.itemIds.get(label) as string,
        studentId,
        score,
        response,
        importId,
      };
    }),
  );
  await db.insert(assessmentResults).values(values);
  await db.execute(
    sql`update assessments set results_changed_at = clock_timestamp() where id = ${a.assessmentId}`,
  );
  return importId;
}
