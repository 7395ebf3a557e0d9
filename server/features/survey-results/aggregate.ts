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

/**
 * Submitted responses by school × role: every slice's size, from one small query — and a stamp of the
 * responses (their count, versions and last change): answers are written only when a response is
 * submitted or changed, which moves its version, so equal stamps mean equal answers.
 */
export async function sliceCounts(db: Executor, orgId: string, administrationId: string) {
  const result = await db.execute<{
    school_id: string | null;
    role: string | null;
    version_id: string;
    n: number;
    stamp: string;
  }>(sql`
    select r.school_id, r.role, r.survey_version_id as version_id, count(*)::int as n,
      sum(r.version)::text || '@' || coalesce(max(r.updated_at)::text, '') as stamp
    from survey_responses r
    where r.org_id = ${orgId} and ${sliceWhere(administrationId, { school: null, role: null })}
    group by r.school_id, r.role, r.survey_version_id`);
  return result.rows;
}

/**
 * The slice's answers: every answer of the administration when unfiltered (answers exist only for
 * submitted responses: survey-responses writes them on submitting), else those of the slice's responses
 * (a semi-join: the responses are few, the answers many).
 */
const answersOf = (administrationId: string, slice: Slice) =>
  slice.school || slice.role
    ? sql`a.administration_id = ${administrationId}
        and a.response_id in (select r.id from survey_responses r where ${sliceWhere(administrationId, slice)})`
    : sql`a.administration_id = ${administrationId}`;

const keyList = (keys: string[]) =>
  sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );

// Counting 150,000 answers takes tens of milliseconds; the same stamp means the same counts (see
// sliceCounts), so the counts of recent (administration, slice, stamp) triples are kept in memory.
const recent = new Map<string, Aggregates>();
const RECENT_MAX = 200;

/** The counts, from memory when nothing was submitted or changed since they were counted. */
export async function aggregateCached(
  db: Executor,
  administrationId: string,
  slice: Slice,
  kinds: { choiceKeys: string[]; textKeys: string[] },
  stamp: string,
): Promise<Aggregates> {
  const key = [administrationId, slice.school, slice.role, stamp, kinds.choiceKeys, kinds.textKeys].join("|");
  const hit = recent.get(key);
  if (hit) return hit;
  const counted = await aggregate(db, administrationId, slice, kinds);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(key, counted);
  return counted;
}

/**
 * One pass over the slice's answers counts every question × scale point (and, with value null, how many
 * answered each other question); choices and texts are then read for their own questions only, through
 * the key's index.
 */
export async function aggregate(
  db: Executor,
  administrationId: string,
  slice: Slice,
  kinds: { choiceKeys: string[]; textKeys: string[] },
): Promise<Aggregates> {
  const where = answersOf(administrationId, slice);
  const counted = await db.execute<{ key: string; value: number | null; n: number }>(sql`
    select a.question_key as key, a.value, count(*)::int as n
    from survey_answers a where ${where} group by a.question_key, a.value`);
  const choices = kinds.choiceKeys.length
    ? await db.execute<{ key: string; choice: string; n: number }>(sql`
        select a.question_key as key, c as choice, count(*)::int as n
        from survey_answers a, unnest(a.choices) c
        where ${where} and a.question_key in (${keyList(kinds.choiceKeys)})
        group by a.question_key, c`)
    : { rows: [] };
  const texts = kinds.textKeys.length
    ? await db.execute<{ key: string; text: string }>(sql`
        select a.question_key as key, a.text from survey_answers a
        where ${where} and a.question_key in (${keyList(kinds.textKeys)})
          and a.text is not null and btrim(a.text) <> ''
        order by a.question_key, lower(a.text), a.text`)
    : { rows: [] };
  const out: Aggregates = { likert: new Map(), choices: new Map(), texts: new Map(), answered: new Map() };
  const inner = <V>(map: Map<string, Map<V, number>>, key: string) => {
    const m = map.get(key) ?? new Map<V, number>();
    map.set(key, m);
    return m;
  };
  for (const row of counted.rows) {
    if (row.value !== null) inner(out.likert, row.key).set(row.value, row.n);
    out.answered.set(row.key, (out.answered.get(row.key) ?? 0) + row.n);
  }
  for (const row of choices.rows) inner(out.choices, row.key).set(row.choice, row.n);
  for (const row of texts.rows) {
    const list = out.texts.get(row.key) ?? [];
    list.push(row.text);
    out.texts.set(row.key, list);
  }
  for (const key of kinds.textKeys) out.answered.set(key, out.texts.get(key)?.length ?? 0);
  return out;
}

/** The question texts of the versions this administration's responses answered (for "Earlier questions"). */
/** The definitions of older versions the responses answered (for "Earlier questions"), newest first. */
export async function answeredDefinitions(db: Executor, versionIds: string[]) {
  if (!versionIds.length) return [];
  const result = await db.execute<{ definition: SurveyDefinition }>(sql`
    select v.definition from survey_versions v where v.id in (${keyList(versionIds)})
    order by v.number desc`);
  return result.rows.map((r) => r.definition);
}
