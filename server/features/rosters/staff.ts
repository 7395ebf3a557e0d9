import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { textArray } from "./upsert.ts";

/*
 * Teachers and aides of the roster, kept in roster_staff by sourcedId: a later delta file's enrollment
 * names a teacher by sourcedId alone, often without the teacher's users.csv row. Each is linked to the
 * Lamplight person with the same email (case-insensitively); one who has no account yet keeps the email
 * and is linked when they join (linkJoinedPerson).
 */

export type Staff = { personId: string | null; email: string };

/** Stores this file's staff (email updated, person matched); returns how many are matched and not. */
export async function saveStaff(
  db: Executor,
  orgId: string,
  importId: string,
  staff: Map<string, string>,
): Promise<{ matched: number; unmatched: number }> {
  if (!staff.size) return { matched: 0, unmatched: 0 };
  const ids = [...staff.keys()];
  const r = await db.execute<{ matched: number; unmatched: number }>(sql`
    with up as (
      insert into roster_staff as t (org_id, sourced_id, email, person_id, import_id)
      select ${orgId}::uuid, s.id, s.email,
             (select p.id from people p where p.org_id = ${orgId} and lower(p.email) = s.email and s.email <> ''),
             ${importId}::uuid
        from unnest(${textArray(ids)}, ${textArray(ids.map((id) => staff.get(id) ?? ""))}) as s(id, email)
      on conflict (org_id, sourced_id) do update
        set email = excluded.email, person_id = excluded.person_id, import_id = excluded.import_id, updated_at = now()
      returning person_id)
    select count(person_id)::int as matched, (count(*) - count(person_id))::int as unmatched from up`);
  return r.rows[0] ?? { matched: 0, unmatched: 0 };
}

/** Every teacher and aide the district's rosters named, by sourcedId, matched again to people by email. */
export async function loadStaff(db: Executor, orgId: string): Promise<Map<string, Staff>> {
  const r = await db.execute<{ s: string; person: string | null; email: string }>(sql`
    select t.sourced_id as s, coalesce(t.person_id, p.id) as person, t.email
      from roster_staff t
      left join people p on p.org_id = t.org_id and lower(p.email) = lower(t.email) and t.email <> ''
     where t.org_id = ${orgId}`);
  return new Map(r.rows.map((x) => [x.s, { personId: x.person, email: x.email }]));
}

/**
 * A person who just joined the district (an invitation accepted with a new account) takes over the class
 * enrollments the rosters gave their email, in the joining transaction.
 */
export async function linkJoinedPerson(db: Executor, orgId: string, personId: string, email: string) {
  const address = email.toLowerCase();
  await db.execute(sql`update roster_staff set person_id = ${personId}, updated_at = now()
    where org_id = ${orgId} and lower(email) = ${address} and person_id is null`);
  await db.execute(sql`update enrollments set person_id = ${personId}, teacher_email = '', updated_at = now()
    where org_id = ${orgId} and person_id is null and teacher_email = ${address}`);
}
