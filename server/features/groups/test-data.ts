import type { Db } from "../../db/client.ts";
import { assessmentItems, assessmentResults, assessments, resultImports } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../../test/factories.ts";

/**
 * An assessment and its results written straight into a test's database (groups and growth tests; the
 * import has its own). Scores are given per student and item label.
 */
export async function seedAssessment(
  db: Db,
  a: {
    orgId: string;
    communityId: string | null;
    createdBy: string;
    title?: string;
    givenOn?: string;
    masteryPercent?: number;
    items: { label: string; standard: string; maxPoints: number }[];
    scores?: Record<string, Record<string, number>>;
  },
): Promise<{ id: string; title: string }> {
  const id = newId();
  const title = a.title ?? unique("Unit assessment");
  await db.insert(assessments).values({
    id,
    orgId: a.orgId,
    communityId: a.communityId,
    title,
    givenOn: a.givenOn ?? null,
    masteryPercent: a.masteryPercent ?? 80,
    createdBy: a.createdBy,
  });
  const items = a.items.map((item, position) => ({
    id: newId(),
    orgId: a.orgId,
    assessmentId: id,
    position,
    ...item,
  }));
  await db.insert(assessmentItems).values(items);
  const importId = newId();
  await db.insert(resultImports).values({
    id: importId,
    orgId: a.orgId,
    assessmentId: id,
    shape: "long",
    status: "completed",
    fileSha256: "",
    mapping: {},
    createdBy: a.createdBy,
  });
  const rows = Object.entries(a.scores ?? {}).flatMap(([studentId, byLabel]) =>
    Object.entries(byLabel).map(([label, score]) => ({
      orgId: a.orgId,
      assessmentId: id,
      itemId: items.find((i) => i.label === label)?.id as string,
      studentId,
      score,
      importId,
    })),
  );
  if (rows.length) await db.insert(assessmentResults).values(rows);
  return { id, title };
}
