import { eq, sql } from "drizzle-orm";
import { missingToLeave } from "../../../shared/cycles/rules.ts";
import type { Executor } from "../../db/client.ts";
import { cycles } from "../../db/schema/index.ts";
import { conflict, forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { recordAudit } from "../audit/record.ts";
import { type CycleRow, type LoadedCycle, loadCycle, presentCycle } from "./load.ts";

// What every cycle write shares: the lock, the rule, the version check, last activity, the audit.

export const MANAGERS_ONLY = "Only the community's facilitators and leaders can do this.";

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
    await change(tx, loaded);
    await tx
      .update(cycles)
      .set({ version: sql`${cycles.version} + 1`, lastActivityAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(cycles.id, id));
    return withMissing(tx, await loadCycle(tx, ctx.actor, id));
  });
}

function refusalOf(loaded: LoadedCycle, refusal: string) {
  if (loaded.community.access.archived)
    return "This community is archived: its cycles can be read, not changed.";
  if (loaded.row.status !== "active") return "This cycle is finished: it can be read, not changed.";
  return refusal;
}

export async function stageState(db: Executor, row: CycleRow) {
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

export async function withMissing(db: Executor, loaded: LoadedCycle) {
  const cycle = await presentCycle(db, loaded);
  const missing = loaded.row.status === "active" ? missingToLeave(await stageState(db, loaded.row)) : [];
  return { ...cycle, missing };
}

/** Stage 7: adopt, adapt or abandon, and what the next cycle takes on; this finishes the cycle. */
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
