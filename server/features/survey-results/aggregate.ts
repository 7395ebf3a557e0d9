import { type SQL, sql } from "drizzle-orm";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import type { Executor } from "../../db/client.ts";

/*
 * The counting, done by PostgreSQL over one index range of survey_answers (its key leads with the
 * administration): counts per question × scale point, per question × option, and the text answers.
 * Never a row per respondent leaves the database except the text answers, and those without ids.
 */

export type Slice = { school: string | null; role: string | null };

export type Aggregates = {
  likert: Map<string, Map<number, number>>;
  choices: Map<string, Map<string, number>>;
  /** Per question, alphabetically (so answers to different questions cannot be lined up). */
  texts: Map<string, string[]>;
  /** Submitted responses per question (how many answered it at all). */
  answered: Map<string, number>;
};

/** The submitted responses of the slice, as a condition on `r`. */
export function sliceWhere(administrationId: string, slice: Slice): SQL {
  return sql`r.administration_id = ${administrationId} and r.submitted_at is not null
    ${slice.school ? sql`and r.school_id = ${slice.school}` : sql``}
    ${slice.role ? sql`and r.role = ${slice.role}` : sql``}`;
}

/** Submitted responses by school × role: every slice's size, from one small query. */
export async function sliceCounts(db: Executor, orgId: string, administrationId: string) {
  const result = await db.execute<{ school_id: string | null; role: string | null; n: number }>(sql`
    select r.school_id, r.role, count(*)::int as n from survey_responses r
    where r.org_id = ${orgId} and ${sliceWhere(administrationId, { school: null, role: null })}
    group by r.school_id, r.role`);
  return result.rows;
}

/** Answers of the slice's submitted responses (a semi-join: the responses are few, the answers many). */
const answersOf = (administrationId: string, slice: Slice) => sql`
  a.administration_id = ${administrationId}
  and a.response_id in (select r.id from survey_responses r where ${sliceWhere(administrationId, slice)})`;

export async function aggregate(db: Executor, administrationId: string, slice: Slice): Promise<Aggregates> {
  const where = answersOf(administrationId, slice);
  const counted = await db.execute<{
    key: string;
    value: number | null;
    choice: string | null;
    n: number;
  }>(sql`
    select a.question_key as key, a.value, null::text as choice, count(*)::int as n
      from survey_answers a where ${where} and a.value is not null group by a.question_key, a.value
    union all
    select a.question_key, null, c, count(*)::int
      from survey_answers a, unnest(a.choices) c where ${where} and a.choices is not null
      group by a.question_key, c
    union all
    select a.question_key, null, null, count(*)::int
      from survey_answers a where ${where} and a.choices is not null group by a.question_key`);
  const texts = await db.execute<{ key: string; text: string }>(sql`
    select a.question_key as key, a.text from survey_answers a
    where ${where} and a.text is not null and btrim(a.text) <> ''
    order by a.question_key, lower(a.text), a.text`);
  const out: Aggregates = { likert: new Map(), choices: new Map(), texts: new Map(), answered: new Map() };
  const inner = <V>(map: Map<string, Map<V, number>>, key: string) => {
    const m = map.get(key) ?? new Map<V, number>();
    map.set(key, m);
    return m;
  };
  for (const row of counted.rows) {
    if (row.value !== null) {
      inner(out.likert, row.key).set(row.value, row.n);
      out.answered.set(row.key, (out.answered.get(row.key) ?? 0) + row.n);
    } else if (row.choice !== null) inner(out.choices, row.key).set(row.choice, row.n);
    else out.answered.set(row.key, row.n);
  }
  for (const row of texts.rows) {
    const list = out.texts.get(row.key) ?? [];
    list.push(row.text);
    out.texts.set(row.key, list);
  }
  for (const [key, list] of out.texts) out.answered.set(key, list.length);
  return out;
}

/** The question texts of the versions this administration's responses answered (for "Earlier questions"). */
export async function answeredDefinitions(db: Executor, administrationId: string) {
  const result = await db.execute<{ definition: SurveyDefinition }>(sql`
    select v.definition from survey_versions v
    where v.id in (select distinct r.survey_version_id from survey_responses r
                   where r.administration_id = ${administrationId} and r.submitted_at is not null)
    order by v.number desc`);
  return result.rows.map((r) => r.definition);
}
