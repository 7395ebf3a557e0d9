import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";

/*
 * Anonymity after closing (decision 0015): once an anonymous administration has closed, its responses lose
 * their person, and drafts never submitted are deleted (they would otherwise keep a name next to answers).
 * Run by the sweep and lazily by every read, so it holds even when the sweep has not come round yet.
 * Idempotent: the administration's unlinked_at is set in the same statement sequence, under a row lock.
 */
export async function unlinkIfClosed(db: Executor, administrationId?: string): Promise<number> {
  return db.transaction((tx) => unlink(tx, administrationId));
}

async function unlink(db: Executor, administrationId?: string): Promise<number> {
  const only = administrationId ? sql`and a.id = ${administrationId}` : sql``;
  const due = await db.execute<{ id: string }>(sql`
    update survey_administrations a set unlinked_at = now(), updated_at = now()
    where a.anonymous and a.unlinked_at is null and a.closes_at <= now() ${only}
    returning a.id`);
  const ids = due.rows.map((r) => r.id);
  if (ids.length === 0) return 0;
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(
    sql`delete from survey_responses where administration_id in (${list}) and submitted_at is null`,
  );
  await db.execute(sql`
    update survey_responses set person_id = null, draft = null, draft_saved_at = null, updated_at = now()
    where administration_id in (${list})`);
  return ids.length;
}
