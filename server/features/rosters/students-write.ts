import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { newId } from "../../lib/ids.ts";
import { type Counts, textArray } from "./upsert.ts";

/*
 * Students of one batch of users.csv: a new student gets a random pseudonym (never derived from who they
 * are) and an identity row; a known one (by sourcedId, in student_identities) is updated where something
 * changed. Names go to student_identities only.
 */

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export function newPseudonym(): string {
  let code = "";
  for (const b of randomBytes(6)) code += ALPHABET[b % ALPHABET.length];
  return `S-${code}`;
}

export type StudentRow = {
  sourced_id: string;
  identifier: string;
  given_name: string;
  family_name: string;
  preferred_name: string;
  grades: string[];
  school_ids: string[];
};

export async function writeStudents(
  db: Executor,
  orgId: string,
  importId: string,
  batch: StudentRow[],
): Promise<Counts> {
  if (!batch.length) return { created: 0, updated: 0 };
  const known = new Map(
    (
      await db.execute<{
        s: string;
        id: string;
      }>(sql`select sourced_id as s, student_id as id from student_identities
        where org_id = ${orgId} and sourced_id = any(${textArray(batch.map((b) => b.sourced_id))})`)
    ).rows.map((r) => [r.s, r.id]),
  );
  let fresh = batch.filter((b) => !known.has(b.sourced_id)).map((b) => ({ ...b, id: newId() }));
  const createdIds = new Set(fresh.map((f) => f.id));
  // A pseudonym that happens to exist already is drawn again (1 in 10^9 per pair, but unique is unique).
  while (fresh.length) {
    const rows = fresh.map((f) => ({
      id: f.id,
      pseudonym: newPseudonym(),
      grades: f.grades,
      school_ids: f.school_ids,
    }));
    const inserted = new Set(
      (
        await db.execute<{
          id: string;
        }>(sql`insert into students (id, org_id, pseudonym, grades, school_ids, active, import_id)
          select r.id, ${orgId}::uuid, r.pseudonym, r.grades, r.school_ids, true, ${importId}::uuid
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, pseudonym text, grades text[], school_ids uuid[])
          on conflict (org_id, pseudonym) do nothing returning id`)
      ).rows.map((r) => r.id),
    );
    for (const f of fresh) if (inserted.has(f.id)) known.set(f.sourced_id, f.id);
    fresh = fresh.filter((f) => !inserted.has(f.id));
  }
  const all = batch.map((b) => ({ ...b, student_id: known.get(b.sourced_id) }));
  const changedStudents = await db.execute<{ id: string }>(sql`update students t
    set grades = r.grades, school_ids = r.school_ids, active = true, import_id = ${importId}::uuid, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(all)}::jsonb) as r(student_id uuid, grades text[], school_ids uuid[])
    where t.id = r.student_id and (t.grades, t.school_ids, t.active) is distinct from (r.grades, r.school_ids, true)
    returning t.id`);
  const changedIdentities = await db.execute<{ id: string }>(sql`insert into student_identities as t
      (student_id, org_id, sourced_id, identifier, given_name, family_name, preferred_name)
    select r.student_id, ${orgId}::uuid, r.sourced_id, r.identifier, r.given_name, r.family_name, r.preferred_name
    from jsonb_to_recordset(${JSON.stringify(all)}::jsonb)
      as r(student_id uuid, sourced_id text, identifier text, given_name text, family_name text, preferred_name text)
    on conflict (org_id, sourced_id) do update set identifier = excluded.identifier, given_name = excluded.given_name,
      family_name = excluded.family_name, preferred_name = excluded.preferred_name, updated_at = now()
    where (t.identifier, t.given_name, t.family_name, t.preferred_name)
      is distinct from (excluded.identifier, excluded.given_name, excluded.family_name, excluded.preferred_name)
    returning t.student_id as id`);
  const touched = new Set([...changedStudents.rows, ...changedIdentities.rows].map((r) => r.id));
  for (const id of createdIds) touched.delete(id);
  return { created: createdIds.size, updated: touched.size };
}
