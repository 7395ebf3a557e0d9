import { and, eq, sql } from "drizzle-orm";
import { checkMove, stageKey } from "../../../shared/cycles/rules.ts";
import { type StageInput, stageDetailSchemas, type stageMoveSchema } from "../../../shared/schemas/cycles.ts";
import type { Executor } from "../../db/client.ts";
import { cycleStageRecords, cycles, memberships } from "../../db/schema/index.ts";
import { AppError, invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { canContribute, canEditCycle } from "./policy.ts";
import { audit, MANAGERS_ONLY, stageState, writeCycle } from "./write.ts";

/** A cycle's stages: recording a stage's notes and fields, and moving one stage forward or back. */

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

export async function setStageTimes(
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
