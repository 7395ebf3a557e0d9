import { and, eq, sql } from "drizzle-orm";
import type { CheckIn, CheckInInput, Measurement, MeasurementInput } from "../../../shared/schemas/goals.ts";
import type { Executor } from "../../db/client.ts";
import { goalCheckIns as checkIns, goalMeasurements, people } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { accessOf } from "./load.ts";
import { canRecordProgress } from "./policy.ts";
import { loadEditableGoal, loadGoal } from "./service.ts";

/** Today in the person's own time zone (a measurement "today" in Honolulu is not tomorrow in UTC). */
export async function todayFor(db: Executor, actor: Actor): Promise<string> {
  const [me] = await db.select({ timeZone: people.timeZone }).from(people).where(eq(people.id, actor.id));
  return new Intl.DateTimeFormat("en-CA", { timeZone: me?.timeZone ?? "UTC" }).format(new Date());
}

export async function goalMeasurementsOf(db: Executor, goalId: string): Promise<Measurement[]> {
  const result = await db.execute<{
    id: string;
    value: number;
    unit: Measurement["unit"];
    measured_on: string;
    source: Measurement["source"];
    note: string;
    created_by: string;
    name: string;
    created_at: Date;
  }>(sql`
    select m.id, m.value, m.unit, m.measured_on::text as measured_on, m.source, m.note, m.created_by, p.name,
      m.created_at
    from goal_measurements m join people p on p.id = m.created_by
    where m.goal_id = ${goalId} order by m.measured_on, m.created_at limit 1000`);
  return result.rows.map((m) => ({
    id: m.id,
    value: m.value,
    unit: m.unit,
    measuredOn: m.measured_on,
    source: m.source,
    note: m.note,
    createdBy: { id: m.created_by, name: m.name },
    createdAt: new Date(m.created_at).toISOString(),
  }));
}

export async function goalCheckIns(db: Executor, goalId: string): Promise<CheckIn[]> {
  const result = await db.execute<{
    id: string;
    note: string;
    links: CheckIn["links"];
    author_id: string;
    name: string;
    created_at: Date;
  }>(sql`
    select c.id, c.note, c.links, c.author_id, p.name, c.created_at
    from goal_check_ins c join people p on p.id = c.author_id
    where c.goal_id = ${goalId} order by c.created_at desc limit 200`);
  return result.rows.map((c) => ({
    id: c.id,
    note: c.note,
    links: c.links,
    author: { id: c.author_id, name: c.name },
    createdAt: new Date(c.created_at).toISOString(),
  }));
}

/** A goal the actor may record progress on (editors, its owner, a community goal's members). */
async function loadForProgress(ctx: ServiceContext, goalId: string) {
  const row = await loadGoal(ctx.db, ctx.actor, goalId);
  if (!canRecordProgress(accessOf(ctx.actor, row)))
    throw forbidden(
      "Only the goal's editors, its owner and its community's members can record its progress.",
    );
  return row;
}

export async function addMeasurement(ctx: ServiceContext, goalId: string, input: MeasurementInput) {
  const row = await loadForProgress(ctx, goalId);
  if (row.unit === null)
    throw invalid("unit", "Reference goals are not measured: record progress on the goals that serve them.");
  if (input.unit !== row.unit)
    throw invalid("unit", `Record this goal's measure in its own unit (${row.unit}), not in ${input.unit}.`);
  if (input.measuredOn > (await todayFor(ctx.db, ctx.actor)))
    throw invalid("measuredOn", "Choose the date it was measured: it cannot be in the future.");
  const id = newId();
  await ctx.db.insert(goalMeasurements).values({
    id,
    orgId: ctx.actor.orgId,
    goalId,
    value: input.value,
    unit: input.unit,
    measuredOn: input.measuredOn,
    note: input.note,
    createdBy: ctx.actor.id,
  });
  const all = await goalMeasurementsOf(ctx.db, goalId);
  return all.find((m) => m.id === id) as Measurement;
}

/** Removing a measurement changes the goal's record: editors only, audited. */
export async function removeMeasurement(ctx: ServiceContext, goalId: string, measurementId: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadEditableGoal(tx, ctx.actor, goalId);
    const [gone] = await tx
      .delete(goalMeasurements)
      .where(and(eq(goalMeasurements.id, measurementId), eq(goalMeasurements.goalId, goalId)))
      .returning();
    if (!gone) throw notFound("This measurement");
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "goal.measurement_removed",
      subjectType: "goal",
      subjectId: goalId,
      details: { title: row.title, value: gone.value, measuredOn: gone.measuredOn },
      ip: ctx.ip,
    });
  });
}

export async function addCheckIn(ctx: ServiceContext, goalId: string, input: CheckInInput): Promise<CheckIn> {
  await loadForProgress(ctx, goalId);
  const id = newId();
  await ctx.db.insert(checkIns).values({
    id,
    orgId: ctx.actor.orgId,
    goalId,
    note: input.note,
    links: input.links,
    authorId: ctx.actor.id,
  });
  return (await goalCheckIns(ctx.db, goalId)).find((c) => c.id === id) as CheckIn;
}
