import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";

/*
 * One batch of rows upserted by (org_id, sourced_id) in one statement: rows go in as a jsonb array
 * (jsonb_to_recordset turns it into typed columns, arrays included), a row whose values did not change is
 * not touched (so a re-import reports 0 updated), and xmax = 0 tells a created row from an updated one.
 */

export type Counts = { created: number; updated: number };

export async function upsertBatch(
  db: Executor,
  table: string,
  orgId: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
): Promise<Counts> {
  if (!rows.length) return { created: 0, updated: 0 };
  const names = Object.keys(columns);
  const typed = names.map((n) => `"${n}" ${columns[n]}`).join(", ");
  const changing = names.filter((n) => n !== "id" && n !== "sourced_id");
  const list = names.map((n) => `"${n}"`).join(", ");
  const set = [...changing.map((n) => `"${n}" = excluded."${n}"`), "updated_at = now()"].join(", ");
  // Which import last wrote a row is bookkeeping: it alone does not make a row "updated".
  const compared = changing.filter((n) => n !== "import_id");
  const mine = compared.map((n) => `t."${n}"`).join(", ");
  const theirs = compared.map((n) => `excluded."${n}"`).join(", ");
  const result = await db.execute<{ created: number; updated: number }>(sql`
    with up as (
      insert into ${sql.raw(table)} as t (org_id, ${sql.raw(list)})
      select ${orgId}::uuid, ${sql.raw(list)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(typed)})
      on conflict (org_id, sourced_id) do update set ${sql.raw(set)}
        where (${sql.raw(mine)}) is distinct from (${sql.raw(theirs)})
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated from up`);
  return result.rows[0] ?? { created: 0, updated: 0 };
}

/** sourcedId → id of a table's rows in the district (a few thousand classes; 100k students is ~10 MB). */
export async function idsBySourced(
  db: Executor,
  table: string,
  orgId: string,
  key = "id",
): Promise<Map<string, string>> {
  const rows = await db.execute<{ s: string; id: string }>(
    sql`select sourced_id as s, ${sql.raw(key)} as id from ${sql.raw(table)} where org_id = ${orgId}`,
  );
  return new Map(rows.rows.map((r) => [r.s, r.id]));
}

/** A text[] parameter (drizzle would spread a JS array into one parameter per element). */
export const textArray = (values: string[]) =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
