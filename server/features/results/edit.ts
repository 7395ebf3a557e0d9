import { eq, sql } from "drizzle-orm";
import { type AssessmentPatch, assessmentPatchSchema } from "../../../shared/schemas/assessments.ts";
import { assessmentItems, assessments } from "../../db/schema/index.ts";
import { conflict, invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../artifacts/service.ts";
import { recordAudit } from "../audit/record.ts";
import { loadAssessment, readAssessment, studentsWithResults } from "./service.ts";

/*
 * Changing an assessment (PATCH). Its title, date and mastery threshold may always change. Its items may
 * be added, removed and changed freely while no results exist; once some do, the scores were checked
 * against each item's kind, maximum points and key, so only labels and standards may change — anything
 * else is refused (409) with what to do instead.
 */

type Item = typeof assessmentItems.$inferSelect;
type PatchItem = NonNullable<AssessmentPatch["items"]>[number];

export async function updateAssessment(ctx: ServiceContext, id: string, body: unknown) {
  const patch = parseInput(assessmentPatchSchema, body);
  return ctx.db.transaction((tx) => update({ ...ctx, db: tx }, id, patch));
}

async function update(ctx: ServiceContext, id: string, patch: AssessmentPatch) {
  // Locks the row so two changes apply one after the other, the second seeing the first's version.
  await ctx.db.execute(sql`select 1 from assessments where id = ${id} for update`);
  const { row, items } = await loadAssessment(ctx, id, "manage");
  if (patch.updatedAt !== undefined && patch.updatedAt !== row.updatedAt.toISOString())
    throw conflict(
      "Someone changed this assessment since you opened it: reload it and make your change again.",
    );
  const changed: string[] = [];
  if (patch.items) {
    const withResults = await studentsWithResults(ctx, id);
    if (withResults > 0) checkOnlyLabelsAndStandards(items, patch.items);
    if (await applyItems(ctx, id, items, patch.items)) changed.push("items");
  }
  const set: Partial<typeof assessments.$inferInsert> = {};
  if (patch.title !== undefined && patch.title !== row.title) set.title = patch.title;
  if (patch.givenOn !== undefined && patch.givenOn !== row.givenOn) set.givenOn = patch.givenOn;
  if (patch.masteryPercent !== undefined && patch.masteryPercent !== row.masteryPercent)
    set.masteryPercent = patch.masteryPercent;
  changed.push(...Object.keys(set));
  if (changed.length > 0) {
    // Analysis rebuilds its aggregates: standards or the threshold may have changed what they say.
    await ctx.db
      .update(assessments)
      .set({ ...set, updatedAt: new Date(), resultsChangedAt: sql`now()` })
      .where(eq(assessments.id, id));
    await recordAudit(ctx.db, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "assessment.changed",
      subjectType: "assessment",
      subjectId: id,
      details: { title: set.title ?? row.title, changed },
      ip: ctx.ip,
    });
  }
  return readAssessment(ctx, id);
}

function checkOnlyLabelsAndStandards(items: Item[], next: PatchItem[]): void {
  const byId = new Map(items.map((i) => [i.id, i]));
  const refuse = (path: string, what: string) =>
    conflict(
      `This assessment has results, which were checked against its items: ${what}. Delete its imports first, or create a new assessment.`,
      path,
    );
  if (next.length !== items.length || next.some((i) => !i.id || !byId.has(i.id)))
    throw refuse("items", "items can no longer be added or removed");
  for (const [n, item] of next.entries()) {
    const old = byId.get(item.id as string) as Item;
    if (item.kind !== old.kind) throw refuse(`items.${n}.kind`, "an item’s kind can no longer change");
    if (item.maxPoints !== old.maxPoints)
      throw refuse(`items.${n}.maxPoints`, "an item’s maximum points can no longer change");
    if (item.answerKey !== old.answerKey)
      throw refuse(`items.${n}.answerKey`, "an item’s answer key can no longer change");
  }
}

/** Writes the items as listed (kept by id, new without, the rest removed); whether anything changed. */
async function applyItems(ctx: ServiceContext, id: string, items: Item[], next: PatchItem[]) {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const [n, item] of next.entries())
    if (item.id && !byId.has(item.id))
      throw invalid(`items.${n}.id`, "This item is not one of the assessment’s: leave its id out to add it.");
  const same =
    next.length === items.length &&
    next.every((item, n) => {
      const old = items[n];
      return (
        old !== undefined &&
        old.id === item.id &&
        old.label === item.label &&
        old.kind === item.kind &&
        old.standard === item.standard &&
        old.maxPoints === item.maxPoints &&
        old.answerKey === item.answerKey
      );
    });
  if (same) return false;
  const keep = new Set(next.flatMap((i) => (i.id ? [i.id] : [])));
  for (const old of items)
    if (!keep.has(old.id)) await ctx.db.delete(assessmentItems).where(eq(assessmentItems.id, old.id));
  // Labels are unique per assessment: kept items step aside first, so two may swap labels.
  await ctx.db
    .update(assessmentItems)
    .set({ label: sql`'~' || ${assessmentItems.id}::text` })
    .where(eq(assessmentItems.assessmentId, id));
  for (const [position, item] of next.entries()) {
    const values = {
      label: item.label,
      kind: item.kind,
      standard: item.standard,
      maxPoints: item.maxPoints,
      answerKey: item.answerKey,
      position,
    };
    if (item.id) await ctx.db.update(assessmentItems).set(values).where(eq(assessmentItems.id, item.id));
    else
      await ctx.db
        .insert(assessmentItems)
        .values({ id: newId(), orgId: ctx.actor.orgId, assessmentId: id, ...values });
  }
  return true;
}
