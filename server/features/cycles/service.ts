import { and, eq, sql } from "drizzle-orm";
import { checkMove, missingToLeave, stageKey } from "../../../shared/cycles/rules.ts";
import {
  type CycleCreate,
  type CycleSummary,
  type CycleUpdate,
  type DecisionInput,
  type StageInput,
  type StopInput,
  stageDetailSchemas,
  type stageMoveSchema,
} from "../../../shared/schemas/cycles.ts";
import type { Executor } from "../../db/client.ts";
import { cycleStageRecords, cycles, memberships } from "../../db/schema/index.ts";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { loadCommunity } from "../communities/load.ts";
import { type CycleRow, type LoadedCycle, loadCycle, presentCycle, summaryOf } from "./load.ts";
import { canContribute, canEditCycle, canReadCycles, canStartCycle } from "./policy.ts";

const MANAGERS_ONLY = "Only the community's facilitators and leaders can do this.";

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

/** A write on a cycle: locked, authorised, version-checked; moves last activity and the version. */
export async function writeCycle(
  ctx: ServiceContext,
  id: string,
  rule: { allowed: (loaded: LoadedCycle) => boolean; refusal: string; version?: number | undefined },
  change: (tx: Executor, loaded: LoadedCycle) => Promise<void>,
) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadCycle(tx, ctx.actor, id, true);
    if (!rule.allowed(loaded)) throw forbidden(refusalOf(loaded, rule.refusal));
    if (rule.version !== undefined && rule.version !== loaded.row.version)
      throw conflict(
        "Someone changed this cycle since you opened it. Reload to see their changes.",
        "version",
      );
    const innerCtx = { ...ctx, db: tx };
    await change(tx, loaded);
    await tx
      .update(cycles)
      .set({ version: sql`${cycles.version} + 1`, lastActivityAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(cycles.id, id));
    return withMissing(innerCtx.db, await loadCycle(tx, ctx.actor, id));
  });
}

function refusalOf(loaded: LoadedCycle, refusal: string) {
  if (loaded.community.access.archived)
    return "This community is archived: its cycles can be read, not changed.";
  if (loaded.row.status !== "active") return "This cycle is finished: it can be read, not changed.";
  return refusal;
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

/** Saves a stage's notes and fields; only stages the team has reached (not the ones ahead). */
export async function saveStage(ctx: ServiceContext, id: string, stage: number, input: StageInput) {
  const key = stageKey(stage);
  return writeCycle(
    ctx,
    id,
    {
      allowed: (l) => canContribute(l.access),
      refusal: "Only the community's members and facilitators can record the cycle's work.",
      version: input.version,
    },
    async (tx, loaded) => {
      if (stage > loaded.row.stage)
        throw invalid("stage", "The team has not reached this stage yet: finish the stages before it first.");
      const parsed = parseDetails(key, input.details);
      if (key === "plan_strategy")
        await checkPeople(tx, loaded.row.community_id, (parsed.data as { who: string[] }).who);
      await tx
        .insert(cycleStageRecords)
        .values({
          orgId: ctx.actor.orgId,
          cycleId: id,
          stage,
          notes: input.notes,
          details: parsed.data,
          enteredAt: new Date(),
          updatedBy: ctx.actor.id,
        })
        .onConflictDoUpdate({
          target: [cycleStageRecords.cycleId, cycleStageRecords.stage],
          set: { notes: input.notes, details: parsed.data, updatedBy: ctx.actor.id, updatedAt: sql`now()` },
        });
    },
  );
}

function parseDetails(key: ReturnType<typeof stageKey>, details: unknown) {
  const parsed = stageDetailSchemas[key].safeParse(details);
  if (parsed.success) return parsed;
  throw new AppError(
    400,
    "validation",
    "Please check the highlighted fields",
    parsed.error.issues[0]?.message ?? "Check the stage's fields.",
    parsed.error.issues.map((i) => ({ path: ["details", ...i.path].join("."), message: i.message })),
  );
}

async function checkPeople(db: Executor, communityId: string, who: string[]) {
  if (who.length === 0) return;
  const found = await db
    .select({ id: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.status, "active")));
  const members = new Set(found.map((f) => f.id));
  if (who.some((p) => !members.has(p)))
    throw invalid("details.who", "Choose people who are active members of this community.");
}

/** One stage forward once the current one has what it needs, or one back (managers). */
export async function moveStage(
  ctx: ServiceContext,
  id: string,
  input: ReturnType<typeof stageMoveSchema.parse>,
) {
  return writeCycle(
    ctx,
    id,
    { allowed: (l) => canEditCycle(l.access), refusal: MANAGERS_ONLY, version: input.version },
    async (tx, loaded) => {
      const state = await stageState(tx, loaded.row);
      const move = checkMove(state, input.to);
      if (!move.ok) {
        const errors = move.missing?.map((m) => ({ path: m.field, message: m.message })) ?? [
          { path: "to", message: move.message },
        ];
        throw new AppError(400, "validation", "Not ready to move on", move.message, errors);
      }
      if (move.direction === "stay") return;
      const now = new Date();
      const from = loaded.row.stage;
      if (move.direction === "next") await setStageTimes(tx, ctx, id, from, { completedAt: now });
      else await setStageTimes(tx, ctx, id, input.to, { completedAt: null });
      if (move.direction === "next") await setStageTimes(tx, ctx, id, input.to, { enteredAt: now });
      await tx.update(cycles).set({ stage: input.to }).where(eq(cycles.id, id));
      await audit(ctx, "cycle.stage_changed", id, { title: loaded.row.title, from, to: input.to }, tx);
    },
  );
}

async function setStageTimes(
  tx: Executor,
  ctx: ServiceContext,
  cycleId: string,
  stage: number,
  times: { enteredAt?: Date; completedAt?: Date | null },
) {
  await tx
    .insert(cycleStageRecords)
    .values({ orgId: ctx.actor.orgId, cycleId, stage, enteredAt: times.enteredAt ?? new Date(), ...times })
    .onConflictDoUpdate({
      target: [cycleStageRecords.cycleId, cycleStageRecords.stage],
      // Re-entering a stage keeps when it was first entered; the timeline shows the first start.
      set: {
        ...(times.completedAt !== undefined ? { completedAt: times.completedAt } : {}),
        ...(times.enteredAt ? { enteredAt: sql`coalesce(${cycleStageRecords.enteredAt}, now())` } : {}),
      },
    });
}

async function stageState(db: Executor, row: CycleRow) {
  const record = await db.execute<{ notes: string; details: Record<string, unknown>; evidence: number }>(sql`
    select coalesce(r.notes, '') as notes, coalesce(r.details, '{}'::jsonb) as details,
      (select count(*)::int from cycle_evidence e where e.cycle_id = ${row.id} and e.stage = ${row.stage}) as evidence
    from (select 1) one
    left join cycle_stage_records r on r.cycle_id = ${row.id} and r.stage = ${row.stage}`);
  const r = record.rows[0];
  return {
    stage: row.stage,
    goalId: row.goal_id,
    decision: row.decision,
    notes: r?.notes ?? "",
    details: r?.details ?? {},
    evidenceCount: r?.evidence ?? 0,
  };
}

async function withMissing(db: Executor, loaded: LoadedCycle) {
  const cycle = await presentCycle(db, loaded);
  const missing = loaded.row.status === "active" ? missingToLeave(await stageState(db, loaded.row)) : [];
  return { ...cycle, missing };
}

/** Stage 7: adopt, adapt or abandon, and what the next cycle takes on; this finishes the cycle. */
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

export async function audit(
  ctx: ServiceContext,
  action: "cycle.started" | "cycle.stage_changed" | "cycle.decided" | "cycle.stopped",
  cycleId: string,
  details: Record<string, unknown>,
  db: Executor = ctx.db,
) {
  await recordAudit(db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "cycle",
    subjectId: cycleId,
    details,
    ip: ctx.ip,
  });
}
