import { sql } from "drizzle-orm";
import type { GoalRevision } from "../../../shared/schemas/goals.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadGoal } from "./service.ts";

/** Who changed what on a goal and when, newest first. */
export async function goalHistory(ctx: ServiceContext, id: string): Promise<GoalRevision[]> {
  await loadGoal(ctx.db, ctx.actor, id);
  const result = await ctx.db.execute<{
    id: string;
    version: number;
    changes: GoalRevision["changes"];
    reason: string;
    changed_by: string;
    name: string;
    changed_at: Date;
  }>(sql`
    select r.id, r.version, r.changes, r.reason, r.changed_by, p.name, r.created_at as changed_at
    from goal_revisions r join people p on p.id = r.changed_by
    where r.goal_id = ${id} and r.org_id = ${ctx.actor.orgId}
    order by r.version desc, r.created_at desc limit 500`);
  return result.rows.map((r) => ({
    id: r.id,
    version: r.version,
    changes: r.changes,
    reason: r.reason,
    changedBy: { id: r.changed_by, name: r.name },
    changedAt: new Date(r.changed_at).toISOString(),
  }));
}
