import { and, eq, sql } from "drizzle-orm";
import { promptText } from "../../../shared/reflection/prompts.ts";
import {
  type ActivityInput,
  type ActivityUpdate,
  type AddEntryToPlan,
  type LearningGoalInput,
  type LearningGoalUpdate,
  type LearningPlan,
  type PlanUpdate,
  schoolYearBounds,
  schoolYearLabel,
  schoolYearOf,
} from "../../../shared/schemas/learning-plans.ts";
import type { Executor } from "../../db/client.ts";
import { learningPlanActivities, learningPlanGoals, learningPlans } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { goalReadable } from "../goals/load.ts";
import { loadOwnEntry, membershipIn } from "../journals/load.ts";
import { ensurePlan, presentPlan, resolveYear } from "./load.ts";
import { ownsPlan } from "./policy.ts";

export async function readPlan(ctx: ServiceContext, rawYear: string): Promise<LearningPlan> {
  const { year } = await resolveYear(ctx.db, ctx.actor, rawYear);
  return presentPlan(ctx.db, ctx.actor, year);
}

/** Runs a write on the caller's plan for the year (creating it), in one transaction. */
async function onPlan(
  ctx: ServiceContext,
  rawYear: string,
  write: (tx: Executor, plan: { id: string; version: number }, year: string) => Promise<unknown>,
): Promise<LearningPlan> {
  const inTx = async (tx: Executor) => {
    const { year } = await resolveYear(tx, ctx.actor, rawYear);
    const plan = await ensurePlan(tx, ctx.actor, year);
    if (!ownsPlan(ctx.actor.id, plan)) throw notFound("This learning plan");
    await write(tx, plan, year);
    return presentPlan(tx, ctx.actor, year);
  };
  return ctx.db.transaction(inTx);
}

export async function updatePlan(ctx: ServiceContext, year: string, input: PlanUpdate) {
  return onPlan(ctx, year, async (tx, plan) => {
    // A plan made by this very write was at version 0 for the person who opened the empty plan.
    const seen = plan.version === 1 && input.version === 0 ? 1 : input.version;
    if (seen !== plan.version)
      throw conflict(
        "Your plan changed since you opened it (in another tab?). Reload it to see the latest, then edit again.",
        "version",
      );
    const { version: _seen, ...changes } = input;
    await tx
      .update(learningPlans)
      .set({ ...changes, version: plan.version + 1, updatedAt: sql`now()` })
      .where(eq(learningPlans.id, plan.id));
  });
}

async function checkGoal(tx: Executor, actor: Actor, goalId: string | null | undefined) {
  if (!goalId) return;
  const result = await tx.execute(
    sql`select 1 from goals g where g.id = ${goalId} and g.org_id = ${actor.orgId} and ${goalReadable(actor)}`,
  );
  if (!result.rows.length) throw invalid("goalId", "Choose a goal you can see in Lamplight, or none.");
}

export async function addGoal(ctx: ServiceContext, year: string, input: LearningGoalInput) {
  return onPlan(ctx, year, async (tx, plan) => {
    await checkGoal(tx, ctx.actor, input.goalId);
    await insertGoal(tx, ctx.actor, plan.id, input);
  });
}

async function insertGoal(tx: Executor, actor: Actor, planId: string, input: LearningGoalInput) {
  const id = newId();
  await tx.insert(learningPlanGoals).values({
    id,
    orgId: actor.orgId,
    planId,
    position: sql`(select coalesce(max(position), 0) + 1 from learning_plan_goals where plan_id = ${planId})`,
    ...input,
  });
  return id;
}

async function ownGoal(tx: Executor, planId: string, id: string) {
  const [row] = await tx
    .select({ id: learningPlanGoals.id })
    .from(learningPlanGoals)
    .where(and(eq(learningPlanGoals.id, id), eq(learningPlanGoals.planId, planId)));
  if (!row) throw notFound("This learning goal");
}

export async function updateGoal(ctx: ServiceContext, year: string, id: string, input: LearningGoalUpdate) {
  return onPlan(ctx, year, async (tx, plan) => {
    await ownGoal(tx, plan.id, id);
    if (input.goalId !== undefined) await checkGoal(tx, ctx.actor, input.goalId);
    await tx
      .update(learningPlanGoals)
      .set({ ...input, updatedAt: sql`now()` })
      .where(eq(learningPlanGoals.id, id));
  });
}

/** Removes a learning goal; its activities stay in the plan, under no goal. */
export async function removeGoal(ctx: ServiceContext, year: string, id: string) {
  return onPlan(ctx, year, async (tx, plan) => {
    await ownGoal(tx, plan.id, id);
    await tx.delete(learningPlanGoals).where(eq(learningPlanGoals.id, id));
  });
}

/** The links of an activity: each must be the caller's own or a community they are active in. */
async function checkActivity(tx: Executor, actor: Actor, planId: string, year: string, a: ActivityUpdate) {
  if (a.learningGoalId) {
    const found = await tx.execute(
      sql`select 1 from learning_plan_goals where id = ${a.learningGoalId} and plan_id = ${planId}`,
    );
    if (!found.rows.length) throw invalid("learningGoalId", "Choose one of the learning goals of this plan.");
  }
  if (a.happenedOn) {
    const { first, last } = schoolYearBounds(year);
    if (a.happenedOn < first || a.happenedOn > last)
      throw invalid(
        "happenedOn",
        `Choose a date in the ${schoolYearLabel(year)} school year (${first} to ${last}), or log it in that year's plan.`,
      );
  }
  if (a.communityId) {
    const found = await membershipIn(tx, actor, a.communityId);
    if (found?.membership?.status !== "active")
      throw invalid("communityId", "Choose a community you belong to.");
  }
  if (a.meetingId) {
    const found = await tx.execute(sql`
      select 1 from meetings m join memberships ms on ms.community_id = m.community_id
      where m.id = ${a.meetingId} and m.org_id = ${actor.orgId} and ms.person_id = ${actor.id}
        and ms.status = 'active'`);
    if (!found.rows.length) throw invalid("meetingId", "Choose a meeting of a community you belong to.");
  }
  if (a.journalEntryId) {
    const found = await tx.execute(sql`
      select 1 from journal_entries where id = ${a.journalEntryId} and person_id = ${actor.id}`);
    if (!found.rows.length) throw invalid("journalEntryId", "Choose one of your own journal entries.");
  }
}

export async function addActivity(ctx: ServiceContext, year: string, input: ActivityInput) {
  return onPlan(ctx, year, async (tx, plan, resolved) => {
    await checkActivity(tx, ctx.actor, plan.id, resolved, input);
    await tx.insert(learningPlanActivities).values({
      id: newId(),
      orgId: ctx.actor.orgId,
      planId: plan.id,
      ...input,
      hours: input.hours === null ? null : String(input.hours),
    });
  });
}

async function ownActivity(tx: Executor, planId: string, id: string) {
  const [row] = await tx
    .select({ id: learningPlanActivities.id })
    .from(learningPlanActivities)
    .where(and(eq(learningPlanActivities.id, id), eq(learningPlanActivities.planId, planId)));
  if (!row) throw notFound("This activity");
}

export async function updateActivity(ctx: ServiceContext, year: string, id: string, input: ActivityUpdate) {
  return onPlan(ctx, year, async (tx, plan, resolved) => {
    await ownActivity(tx, plan.id, id);
    await checkActivity(tx, ctx.actor, plan.id, resolved, input);
    const { hours, ...rest } = input;
    await tx
      .update(learningPlanActivities)
      .set({
        ...rest,
        ...(hours !== undefined ? { hours: hours === null ? null : String(hours) } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(learningPlanActivities.id, id));
  });
}

export async function removeActivity(ctx: ServiceContext, year: string, id: string) {
  return onPlan(ctx, year, async (tx, plan) => {
    await ownActivity(tx, plan.id, id);
    await tx.delete(learningPlanActivities).where(eq(learningPlanActivities.id, id));
  });
}

/**
 * "Add to my learning plan" from a journal entry: an activity of kind reflection, linked to the entry,
 * in the plan of the year the entry was written in. Once: the entry is locked, and a second add finds
 * the activity the first made and changes nothing (`created: false`).
 */
export async function addEntryToPlan(ctx: ServiceContext, entryId: string, input: AddEntryToPlan) {
  const entry = await loadOwnEntry(ctx.db, ctx.actor, entryId);
  const year = schoolYearOf(entry.written_on);
  const existing = await ctx.db.execute(sql`
    select 1 from learning_plan_activities a join learning_plans p on p.id = a.plan_id
    where a.journal_entry_id = ${entryId} and p.person_id = ${ctx.actor.id}`);
  if (existing.rows.length) return { plan: await presentPlan(ctx.db, ctx.actor, year), created: false };
  if (!input.learningGoalId && !input.newGoalTitle)
    throw invalid("learningGoalId", "Choose the learning goal it serves, or name a new one.");
  const plan = await onPlan(ctx, year, async (tx, p) => {
    let learningGoalId = input.learningGoalId;
    if (learningGoalId) await checkActivity(tx, ctx.actor, p.id, year, { learningGoalId });
    else
      learningGoalId = await insertGoal(tx, ctx.actor, p.id, {
        title: input.newGoalTitle,
        why: "",
        status: "active",
        goalId: null,
      });
    await tx.insert(learningPlanActivities).values({
      id: newId(),
      orgId: ctx.actor.orgId,
      planId: p.id,
      learningGoalId,
      kind: "reflection",
      title: entry.title || promptText(entry.prompt) || `Journal entry, ${entry.written_on}`,
      happenedOn: entry.written_on,
      journalEntryId: entryId,
    });
  });
  return { plan, created: true };
}
