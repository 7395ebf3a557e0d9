import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { sendReminders } from "./changes.ts";
import { notifyOpened } from "./service.ts";
import { unlinkIfClosed } from "./unlink.ts";

/*
 * The surveys' clock, run at start and every 15 minutes: tells recipients when a survey sent for later
 * opens, reminds those who have not answered a day before it closes, and unlinks anonymous surveys that
 * have closed. Each step is idempotent (notifications already sent, reminded_at, unlinked_at), and an
 * advisory lock keeps two app processes from sweeping at once.
 */

const SWEEP_LOCK = 7_007_001;

type Due = { id: string; org_id: string; title: string; created_by: string; community_id: string | null };

export async function sweepSurveys(db: Db) {
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`,
    );
    if (!locked.rows[0]?.ok) return { opened: 0, reminded: 0, unlinked: 0 };
    // Sent for later, now open: recipients not yet told (the sender is never told of their own survey).
    const opening = await tx.execute<Due & { person_id: string }>(sql`
      select a.id, a.org_id, a.title, a.created_by, a.community_id, r.person_id
      from survey_administrations a join survey_recipients r on r.administration_id = a.id
      where a.opens_at <= now() and a.closes_at > now() and a.opens_at > a.created_at
        and a.opens_at > now() - interval '7 days' and r.person_id <> a.created_by
        and not exists (select 1 from notifications n where n.person_id = r.person_id
          and n.kind = 'survey_opened' and n.path = '/survey-responses/' || a.id::text)`);
    const byAdministration = new Map<string, { due: Due; people: string[] }>();
    for (const row of opening.rows) {
      const entry = byAdministration.get(row.id) ?? { due: row, people: [] };
      entry.people.push(row.person_id);
      byAdministration.set(row.id, entry);
    }
    let opened = 0;
    for (const { due, people } of byAdministration.values()) {
      opened += await notifyOpened(
        tx,
        due.org_id,
        { id: due.id, title: due.title, createdBy: due.created_by, communityId: due.community_id },
        people,
      );
    }
    // A day before closing, once (reminded_at), for surveys that were open longer than that day.
    const closing = await tx.execute<Due>(sql`
      update survey_administrations set reminded_at = now(), updated_at = now()
      where opens_at <= now() and closes_at > now() and closes_at <= now() + interval '24 hours'
        and opens_at < closes_at - interval '24 hours'
        and (reminded_at is null or reminded_at < closes_at - interval '24 hours')
      returning id, org_id, title, created_by, community_id`);
    let reminded = 0;
    for (const due of closing.rows) reminded += await sendReminders(tx, due, due.org_id);
    const unlinked = await unlinkIfClosed(tx);
    return { opened, reminded, unlinked };
  });
}
