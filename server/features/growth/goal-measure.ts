import { and, eq } from "drizzle-orm";
import type { GrowthMeasure, GrowthMeasureInput } from "../../../shared/schemas/growth.ts";
import { goalGrowthMeasures, goalMeasurements } from "../../db/schema/index.ts";
import { AppError, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { accessOf } from "../goals/load.ts";
import { canEditGoal } from "../goals/policy.ts";
import { todayFor } from "../goals/progress.ts";
import { loadEditableGoal, loadGoal } from "../goals/service.ts";
import { type GrowthFields, readGrowth } from "./service.ts";

/*
 * A goal measured by growth: the link (goal_growth_measures) and the two measurements it writes with
 * source 'import' — the percent of students at mastery before (on the before assessment's date) and after
 * (on the after's), replacing the goal's earlier import measurements. Set, refreshed and removed by the
 * goal's editors (goals/policy.ts); audited as a change of the goal. Every goal reader sees the
 * measurements, so a measure over fewer students than the district's minimum group is refused.
 */

const fields: GrowthFields = {
  before: "beforeAssessmentId",
  after: "afterAssessmentId",
  standard: "standard",
};

async function write(ctx: ServiceContext, goalId: string, input: GrowthMeasureInput, action: string) {
  return ctx.db.transaction(async (tx) => {
    const goal = await loadEditableGoal(tx, ctx.actor, goalId);
    if (goal.unit !== "percent")
      throw invalid(
        "unit",
        "Growth is a percent of students at mastery: measure this goal in percent to use it.",
      );
    const q = { before: input.beforeAssessmentId, after: input.afterAssessmentId, standard: input.standard };
    const growth = await readGrowth({ ...ctx, db: tx }, q, fields).catch((e: unknown) => {
      // An assessment the editor may not use is one they cannot choose (not a missing goal).
      if (e instanceof AppError && e.status === 404)
        throw invalid(
          e.message.startsWith("The assessment before") ? fields.before : fields.after,
          "Choose an assessment of your team whose results you may read.",
        );
      throw e;
    });
    if (growth.overall.suppressed || (growth.overall.students ?? 0) < growth.minimum)
      throw invalid(
        fields.after,
        `A goal's measure needs at least ${growth.minimum} students in both assessments (the district's smallest group shown to everyone).`,
      );
    const today = await todayFor(tx, ctx.actor);
    const values = { beforeAssessmentId: q.before, afterAssessmentId: q.after, standard: q.standard };
    await tx
      .insert(goalGrowthMeasures)
      .values({ goalId, orgId: ctx.actor.orgId, createdBy: ctx.actor.id, ...values })
      .onConflictDoUpdate({ target: goalGrowthMeasures.goalId, set: { ...values, updatedAt: new Date() } });
    await tx
      .delete(goalMeasurements)
      .where(and(eq(goalMeasurements.goalId, goalId), eq(goalMeasurements.source, "import")));
    const what = growth.standard || "every shared standard";
    const rows = [
      [growth.before, growth.overall.before.percentMastered],
      [growth.after, growth.overall.after.percentMastered],
    ] as const;
    await tx.insert(goalMeasurements).values(
      rows.map(([a, value]) => ({
        id: newId(),
        orgId: ctx.actor.orgId,
        goalId,
        value: value ?? 0,
        unit: "percent" as const,
        measuredOn: a.givenOn && a.givenOn <= today ? a.givenOn : today,
        source: "import" as const,
        note: `${a.title} (${what}): percent at mastery of the ${growth.overall.students} students who took both`,
        createdBy: ctx.actor.id,
      })),
    );
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "goal.changed",
      subjectType: "goal",
      subjectId: goalId,
      details: { title: goal.title, fields: ["growthMeasure"], growth: action, ...values },
      ip: ctx.ip,
    });
  });
}

export async function setGrowthMeasure(ctx: ServiceContext, goalId: string, input: GrowthMeasureInput) {
  await write(ctx, goalId, input, "set");
  return readGrowthMeasure(ctx, goalId);
}

/** Recomputes after a re-import (the same assessments and standard). */
export async function refreshGrowthMeasure(ctx: ServiceContext, goalId: string) {
  const [link] = await ctx.db.select().from(goalGrowthMeasures).where(eq(goalGrowthMeasures.goalId, goalId));
  await loadEditableGoal(ctx.db, ctx.actor, goalId);
  if (!link) throw notFound("This goal's growth measure");
  await write(ctx, goalId, link, "refreshed");
  return readGrowthMeasure(ctx, goalId);
}

/** Removes the link and the measurements it wrote (manual measurements stay). */
export async function removeGrowthMeasure(ctx: ServiceContext, goalId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const goal = await loadEditableGoal(tx, ctx.actor, goalId);
    const gone = await tx.delete(goalGrowthMeasures).where(eq(goalGrowthMeasures.goalId, goalId)).returning();
    if (!gone.length) throw notFound("This goal's growth measure");
    await tx
      .delete(goalMeasurements)
      .where(and(eq(goalMeasurements.goalId, goalId), eq(goalMeasurements.source, "import")));
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "goal.changed",
      subjectType: "goal",
      subjectId: goalId,
      details: { title: goal.title, fields: ["growthMeasure"], growth: "removed" },
      ip: ctx.ip,
    });
  });
}

/** The goal's measure with the growth as the reader may see it (null when they may not use the data). */
export async function readGrowthMeasure(ctx: ServiceContext, goalId: string): Promise<GrowthMeasure> {
  const goal = await loadGoal(ctx.db, ctx.actor, goalId);
  const can = { edit: canEditGoal(accessOf(ctx.actor, goal)) && goal.unit === "percent" };
  const [link] = await ctx.db.select().from(goalGrowthMeasures).where(eq(goalGrowthMeasures.goalId, goalId));
  if (!link) return { measure: null, can };
  const growth = await readGrowth(ctx, {
    before: link.beforeAssessmentId,
    after: link.afterAssessmentId,
    standard: link.standard,
  }).catch(() => null);
  return {
    measure: {
      beforeAssessmentId: link.beforeAssessmentId,
      afterAssessmentId: link.afterAssessmentId,
      standard: link.standard,
      updatedAt: link.updatedAt.toISOString(),
      growth,
    },
    can,
  };
}
