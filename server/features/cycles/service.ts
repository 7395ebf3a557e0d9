import { eq, sql } from "drizzle-orm";
import type {
  CycleCreate,
  CycleSummary,
  CycleUpdate,
  DecisionInput,
  StopInput,
} from "../../../shared/schemas/cycles.ts";
import type { Executor } from "../../db/client.ts";
import { cycleStageRecords, cycles } from "../../db/schema/index.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { loadCommunity } from "../communities/load.ts";
import { type CycleRow, loadCycle, presentCycle, summaryOf } from "./load.ts";
import { canEditCycle, canReadCycles, canStartCycle } from "./policy.ts";
import { setStageTimes } from "./stages.ts";
import { audit, MANAGERS_ONLY, withMissing, writeCycle } from "./write.ts";

/** Starts a cycle at stage 1 (managers); continuing a finished cycle carries its "next focus" over. */
export async function startCycle(ctx: ServiceContext, communityId: string, input: CycleCreate) {
  const community = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canStartCycle(community.access))
    throw forbidden(community.access.archived ? "This community is archived." : MANAGERS_ONLY);
  let carried = "";
  if (input.previousCycleId) {
    const previous = await ctx.db.execute<{ title: string; status: string; next_focus: string }>(sql`
      select title, status, next_focus from cycles
      where id = ${input.previousCycleId} and community_id = ${communityId} and org_id = ${ctx.actor.orgId}`);
    const row = previous.rows[0];
    if (!row) throw invalid("previousCycleId", "Choose a cycle of this community to continue.");
    if (row.status !== "completed")
      throw invalid("previousCycleId", "Finish that cycle with its decision before continuing it.");
    carried = row.next_focus;
  }
  const id = newId();
  await ctx.db.insert(cycles).values({
    id,
    orgId: ctx.actor.orgId,
    communityId,
    title: input.title,
    previousCycleId: input.previousCycleId,
    createdBy: ctx.actor.id,
  });
  await ctx.db.insert(cycleStageRecords).values({
    orgId: ctx.actor.orgId,
    cycleId: id,
    stage: 1,
    notes: carried,
    enteredAt: new Date(),
    updatedBy: ctx.actor.id,
  });
  await audit(ctx, "cycle.started", id, { title: input.title, communityId });
  return presentCycle(ctx.db, await loadCycle(ctx.db, ctx.actor, id));
}

export async function listCycles(ctx: ServiceContext, communityId: string): Promise<CycleSummary[]> {
  const community = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canReadCycles(community.access)) throw notFound("This community");
  const rows = await ctx.db.execute<CycleRow & { goal_title: string | null }>(sql`
    select c.id, c.community_id, c.title, c.goal_id, c.stage, c.status, c.decision, c.decision_note,
      c.next_focus, c.previous_cycle_id, c.version, c.last_activity_at, c.created_at, c.completed_at,
      g.title as goal_title
    from cycles c left join goals g on g.id = c.goal_id
    where c.community_id = ${communityId} and c.org_id = ${ctx.actor.orgId}
    -- Running cycles first, then the most recently active.
    order by (c.status = 'active') desc, c.last_activity_at desc, c.id
    limit 200`);
  return rows.rows.map((row) =>
    summaryOf(
      row,
      community.row.name,
      row.goal_id && row.goal_title ? { id: row.goal_id, title: row.goal_title } : null,
    ),
  );
}

export async function readCycle(ctx: ServiceContext, id: string) {
  const loaded = await loadCycle(ctx.db, ctx.actor, id);
  return withMissing(ctx.db, loaded);
}

export async function updateCycle(ctx: ServiceContext, id: string, input: CycleUpdate) {
  return writeCycle(
    ctx,
    id,
    { allowed: (l) => canEditCycle(l.access), refusal: MANAGERS_ONLY, version: input.version },
    async (tx, loaded) => {
      if (input.goalId) await checkGoal(tx, loaded.row.community_id, input.goalId);
      await tx
        .update(cycles)
        .set({
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.goalId !== undefined ? { goalId: input.goalId } : {}),
        })
        .where(eq(cycles.id, id));
    },
  );
}

/** The goal a cycle works towards: one of its community's own goals (aligned up from there). */
async function checkGoal(db: Executor, communityId: string, goalId: string) {
  const found = await db.execute(
    sql`select 1 from goals where id = ${goalId} and community_id = ${communityId}`,
  );
  if (found.rows.length === 0) throw invalid("goalId", "Choose one of this community's goals.");
}

export async function decide(ctx: ServiceContext, id: string, input: DecisionInput) {
  return writeCycle(
    ctx,
    id,
    { allowed: (l) => canEditCycle(l.access), refusal: MANAGERS_ONLY, version: input.version },
    async (tx, loaded) => {
      if (loaded.row.stage !== 7)
        throw invalid("decision", "Take the cycle through the stages to stage 7 before deciding.");
      await tx
        .update(cycles)
        .set({
          decision: input.decision,
          decisionNote: input.note,
          nextFocus: input.nextFocus,
          status: "completed",
          completedAt: sql`now()`,
        })
        .where(eq(cycles.id, id));
      await setStageTimes(tx, ctx, id, 7, { completedAt: new Date() });
      await audit(ctx, "cycle.decided", id, { title: loaded.row.title, decision: input.decision }, tx);
    },
  );
}

/** Ends a cycle without a decision (managers); the reason is kept where the decision note would be. */
export async function stopCycle(ctx: ServiceContext, id: string, input: StopInput) {
  return writeCycle(
    ctx,
    id,
    { allowed: (l) => canEditCycle(l.access), refusal: MANAGERS_ONLY, version: input.version },
    async (tx, loaded) => {
      await tx
        .update(cycles)
        .set({ status: "stopped", decisionNote: input.reason, completedAt: sql`now()` })
        .where(eq(cycles.id, id));
      await audit(ctx, "cycle.stopped", id, { title: loaded.row.title, stage: loaded.row.stage }, tx);
    },
  );
}
