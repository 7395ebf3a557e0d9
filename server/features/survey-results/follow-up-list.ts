import { sql } from "drizzle-orm";
import type { FollowUp } from "../../../shared/schemas/survey-results.ts";
import type { Executor } from "../../db/client.ts";

type FollowUpRow = {
  id: string;
  section_key: string;
  goal_id: string | null;
  cycle_id: string | null;
  title: string | null;
  created_at: Date;
};

const present = (r: FollowUpRow): FollowUp => ({
  id: r.id,
  sectionKey: r.section_key,
  kind: r.goal_id ? "goal" : "cycle",
  goalId: r.goal_id,
  cycleId: r.cycle_id,
  title: r.title ?? "",
  path: r.goal_id ? `/goals/${r.goal_id}` : `/cycles/${r.cycle_id}`,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The goals and cycles already made from this administration's results, oldest first. */
export async function listFollowUps(db: Executor, administrationId: string, sectionKey?: string) {
  const result = await db.execute<FollowUpRow>(sql`
    select f.id, f.section_key, f.goal_id, f.cycle_id, coalesce(g.title, c.title) as title, f.created_at
    from survey_follow_ups f
    left join goals g on g.id = f.goal_id
    left join cycles c on c.id = f.cycle_id
    where f.administration_id = ${administrationId}
    ${sectionKey ? sql`and f.section_key = ${sectionKey}` : sql``}
    order by f.created_at, f.id`);
  return result.rows.map(present);
}
