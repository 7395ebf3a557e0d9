import { and, eq, sql } from "drizzle-orm";
import { isReferenceLevel, smartProblems } from "../../../shared/goals/smart.ts";
import { initialStatusProblem, statusChangeProblem } from "../../../shared/goals/status.ts";
import type {
  Goal,
  GoalDetail,
  GoalInput,
  GoalListQuery,
  GoalUpdate,
} from "../../../shared/schemas/goals.ts";
import { type EditableGoalField, editableGoalFields } from "../../../shared/schemas/goals.ts";
import type { Executor } from "../../db/client.ts";
import { goalRevisions, goals, people, schools } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { loadCommunity } from "../communities/load.ts";
import { replaceAlignments } from "./alignments.ts";
import { accessOf, type GoalRow, presentGoal, queryGoals, readable, refOf } from "./load.ts";
import { canEditGoal, canWriteGoalAt } from "./policy.ts";
import { goalCheckIns, goalMeasurementsOf, todayFor } from "./progress.ts";

/** The goal if the actor may read it, else 404 (the same answer for another district's and no goal). */
export async function loadGoal(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<GoalRow> {
  const [row] = await queryGoals(db, actor, sql`g.id = ${id}`, { readableOnly: false, forUpdate });
  if (!row || !readable(actor, row)) throw notFound("This goal");
  return row;
}

/** The goal if the actor may edit it: 404 when they may not read it, 403 when they may only read it. */
export async function loadEditableGoal(db: Executor, actor: Actor, id: string): Promise<GoalRow> {
  const row = await loadGoal(db, actor, id, true);
  if (!canEditGoal(accessOf(actor, row))) throw forbidden(editorsOf(row));
  return row;
}

export function editorsOf(row: Pick<GoalRow, "level">): string {
  if (row.level === "community") return "Only the community's facilitators and leaders can change its goals.";
  if (row.level === "school")
    return "Only the school's leaders and the district's administrators can change its goals.";
  return "Only the district's administrators can change district, state and national goals.";
}

/** The measured fields are kept empty on reference goals: they are a text with its source. */
function withoutMeasures<T extends Partial<GoalInput>>(level: GoalInput["level"], input: T): T {
  if (!isReferenceLevel(level)) return input;
  return {
    ...input,
    improvement: "",
    population: "",
    measure: "",
    unit: null,
    baseline: null,
    target: null,
    startsOn: null,
    deadline: null,
  };
}

async function checkOwner(db: Executor, actor: Actor, ownerId: string | null) {
  if (ownerId === null) return;
  const [found] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, ownerId), eq(people.orgId, actor.orgId)));
  if (!found) throw invalid("ownerId", "Choose a person of your district as the owner.");
}

/** Where a new goal goes, and whether the actor may put one there. */
async function checkPlace(ctx: ServiceContext, input: GoalInput) {
  const schoolId = input.level === "school" ? input.schoolId : null;
  const communityId = input.level === "community" ? input.communityId : null;
  if (schoolId) {
    const [school] = await ctx.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.id, schoolId), eq(schools.orgId, ctx.actor.orgId)));
    if (!school) throw notFound("This school");
  }
  const community = communityId ? (await loadCommunity(ctx.db, ctx.actor, communityId)).access : null;
  if (!canWriteGoalAt({ actor: ctx.actor, level: input.level, schoolId, community }))
    throw forbidden(editorsOf(input));
  return { schoolId, communityId };
}

export async function createGoal(ctx: ServiceContext, raw: GoalInput): Promise<GoalDetail> {
  const input = withoutMeasures(raw.level, raw);
  const place = await checkPlace(ctx, input);
  await checkOwner(ctx.db, ctx.actor, input.ownerId);
  const today = await todayFor(ctx.db, ctx.actor);
  const statusProblem = initialStatusProblem(input.status, input.deadline, today);
  if (statusProblem) throw invalid(statusProblem.path, statusProblem.message);
  const id = newId();
  const values = {
    title: input.title,
    improvement: input.improvement,
    population: input.population,
    measure: input.measure,
    unit: input.unit,
    baseline: input.baseline,
    target: input.target,
    startsOn: input.startsOn,
    deadline: input.deadline,
    ownerId: input.ownerId ?? ctx.actor.id,
    status: input.status,
    source: input.source,
    sourceUrl: input.sourceUrl,
  };
  await ctx.db.insert(goals).values({
    id,
    orgId: ctx.actor.orgId,
    level: input.level,
    ...place,
    ...values,
    createdBy: ctx.actor.id,
  });
  const changes = Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== null && v !== "")
      .map(([k, v]) => [k, { from: null, to: v }]),
  );
  await ctx.db.insert(goalRevisions).values({
    id: newId(),
    orgId: ctx.actor.orgId,
    goalId: id,
    version: 1,
    changes,
    changedBy: ctx.actor.id,
  });
  if (input.alignedToIds.length > 0)
    await replaceAlignments(ctx, await loadGoal(ctx.db, ctx.actor, id, true), input.alignedToIds, false);
  await recordAudit(ctx.db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action: "goal.created",
    subjectType: "goal",
    subjectId: id,
    details: { title: input.title, level: input.level },
    ip: ctx.ip,
  });
  return goalDetail(ctx, id);
}

export async function listGoals(ctx: ServiceContext, query: GoalListQuery): Promise<Goal[]> {
  const where = sql.join(
    [
      sql`true`,
      query.level ? sql`g.level = ${query.level}` : null,
      query.status ? sql`g.status = ${query.status}` : null,
      query.schoolId ? sql`g.school_id = ${query.schoolId}` : null,
      query.communityId ? sql`g.community_id = ${query.communityId}` : null,
    ].filter((part) => part !== null),
    sql` and `,
  );
  const rows = await queryGoals(ctx.db, ctx.actor, where);
  return rows.map((row) => presentGoal(ctx.actor, row));
}

export async function goalDetail(ctx: ServiceContext, id: string): Promise<GoalDetail> {
  const row = await loadGoal(ctx.db, ctx.actor, id);
  // Below: only what the caller may read (a private community's goal stays out of sight).
  const below = await queryGoals(
    ctx.db,
    ctx.actor,
    sql`g.id in (select ga.goal_id from goal_alignments ga where ga.aligned_to_id = ${id})`,
  );
  const measurements = await goalMeasurementsOf(ctx.db, id);
  return {
    ...presentGoal(ctx.actor, row),
    alignedFrom: below.map(refOf),
    measurements,
    checkIns: await goalCheckIns(ctx.db, id),
  };
}

const editable = editableGoalFields;
type Editable = EditableGoalField;

const current = (row: GoalRow): Record<Editable, unknown> => ({
  title: row.title,
  improvement: row.improvement,
  population: row.population,
  measure: row.measure,
  unit: row.unit,
  baseline: row.baseline,
  target: row.target,
  startsOn: row.starts_on,
  deadline: row.deadline,
  ownerId: row.owner_id,
  status: row.status,
  source: row.source,
  sourceUrl: row.source_url,
});

/** Changes a goal as its editors may: checks the version, the SMART and status rules; keeps the history. */
export async function updateGoal(ctx: ServiceContext, id: string, input: GoalUpdate): Promise<GoalDetail> {
  return ctx.db.transaction(async (tx) => {
    const row = await loadEditableGoal(tx, ctx.actor, id);
    if (input.version !== row.version)
      throw conflict(
        "Someone changed this goal since you opened it. Reload it to see their changes, then edit again.",
        "version",
      );
    const before = current(row);
    const asked = withoutMeasures(row.level, input);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of editable) {
      const to = asked[key];
      if (to !== undefined && to !== before[key]) changes[key] = { from: before[key], to };
    }
    if (Object.keys(changes).length === 0) return goalDetail({ ...ctx, db: tx }, id);
    const after = { ...before, ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to])) };
    const problem = smartProblems({ level: row.level, ...after } as Parameters<typeof smartProblems>[0])[0];
    if (problem) throw invalid(problem.path, problem.message);
    if (changes.ownerId) await checkOwner(tx, ctx.actor, changes.ownerId.to as string | null);
    const statusChanged = changes.status !== undefined;
    if (statusChanged) {
      const measured = (await goalMeasurementsOf(tx, id)).length > 0;
      const statusProblem = statusChangeProblem({
        from: row.status,
        to: after.status as GoalRow["status"],
        reason: input.reason,
        measured,
        deadline: after.deadline as string | null,
        today: await todayFor(tx, ctx.actor),
      });
      if (statusProblem) throw invalid(statusProblem.path, statusProblem.message);
    }
    const { status, ...rest } = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to]));
    await tx
      .update(goals)
      .set({
        ...(rest as Partial<typeof goals.$inferInsert>),
        ...(statusChanged
          ? { status: status as GoalRow["status"], statusReason: input.reason, statusChangedAt: sql`now()` }
          : {}),
        version: row.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(goals.id, id), eq(goals.orgId, ctx.actor.orgId)));
    await tx.insert(goalRevisions).values({
      id: newId(),
      orgId: ctx.actor.orgId,
      goalId: id,
      version: row.version + 1,
      changes,
      reason: statusChanged ? input.reason : "",
      changedBy: ctx.actor.id,
    });
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "goal.changed",
      subjectType: "goal",
      subjectId: id,
      details: {
        title: row.title,
        fields: Object.keys(changes),
        ...(statusChanged ? { status, reason: input.reason } : {}),
      },
      ip: ctx.ip,
    });
    return goalDetail({ ...ctx, db: tx }, id);
  });
}
