import { and, eq, sql } from "drizzle-orm";
import { checkAlignment } from "../../../shared/goals/alignment.ts";
import type { GoalDetail } from "../../../shared/schemas/goals.ts";
import { goalAlignments, goalRevisions, goals } from "../../db/schema/index.ts";
import { invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { type GoalRow, queryGoals } from "./load.ts";
import { goalDetail, loadEditableGoal } from "./service.ts";

const path = "alignedToIds";

/**
 * Replaces what `goal` aligns to with `ids`. Each one must be a goal the actor can read in their district
 * (another district's goal is "not found", like a goal that does not exist), exactly one level up, not the
 * goal itself, and not closing a loop. `record` keeps the change in the history (not at creation, whose
 * history row already says the goal was set).
 */
export async function replaceAlignments(ctx: ServiceContext, goal: GoalRow, raw: string[], record = true) {
  const ids = [...new Set(raw)];
  if (ids.includes(goal.id)) throw invalid(path, "A goal cannot align to itself.");
  const found = ids.length
    ? await queryGoals(
        ctx.db,
        ctx.actor,
        sql`g.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      )
    : [];
  if (found.length !== ids.length)
    throw invalid(path, "Choose goals that exist in your district and that you can see.");
  const edges = await ctx.db
    .select({ goalId: goalAlignments.goalId, alignedToId: goalAlignments.alignedToId })
    .from(goalAlignments)
    .where(eq(goalAlignments.orgId, ctx.actor.orgId));
  const problem = checkAlignment(goal, found, edges);
  if (problem) throw invalid(problem.path, problem.message);
  const before = goal.aligned_to.map((a) => a.title).sort();
  const after = found.map((a) => a.title).sort();
  const same =
    goal.aligned_to.length === found.length && found.every((f) => goal.aligned_to.some((a) => a.id === f.id));
  if (same) return;
  await ctx.db.delete(goalAlignments).where(eq(goalAlignments.goalId, goal.id));
  if (found.length)
    await ctx.db.insert(goalAlignments).values(
      found.map((f) => ({
        orgId: ctx.actor.orgId,
        goalId: goal.id,
        alignedToId: f.id,
        createdBy: ctx.actor.id,
      })),
    );
  if (!record) return;
  const version = goal.version + 1;
  await ctx.db
    .update(goals)
    .set({ version, updatedAt: sql`now()` })
    .where(and(eq(goals.id, goal.id), eq(goals.orgId, ctx.actor.orgId)));
  await ctx.db.insert(goalRevisions).values({
    id: newId(),
    orgId: ctx.actor.orgId,
    goalId: goal.id,
    version,
    changes: { alignedTo: { from: before, to: after } },
    changedBy: ctx.actor.id,
  });
  await recordAudit(ctx.db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action: "goal.aligned",
    subjectType: "goal",
    subjectId: goal.id,
    details: { title: goal.title, alignedTo: after },
    ip: ctx.ip,
  });
}

/** PUT …/alignments: the whole set of goals this goal serves (its editors). */
export async function setAlignments(ctx: ServiceContext, id: string, ids: string[]): Promise<GoalDetail> {
  return ctx.db.transaction(async (tx) => {
    const goal = await loadEditableGoal(tx, ctx.actor, id);
    await replaceAlignments({ ...ctx, db: tx }, goal, ids);
    return goalDetail({ ...ctx, db: tx }, id);
  });
}
