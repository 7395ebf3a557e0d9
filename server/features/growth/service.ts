import { sql } from "drizzle-orm";
import type { Growth, GrowthQuery, GrowthRow } from "../../../shared/schemas/growth.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadUsableAssessment, type UsableAssessment } from "../groups/assessment.ts";
import { type StandardScore, standardScores } from "../groups/scores.ts";
import { studentVisible } from "../students/visibility.ts";
import { type Pair, pairUp, summarise } from "./maths.ts";

/*
 * Growth between two assessments for whoever may use both (groups/policy.ts). Aggregates over every
 * student with results on both — by class and overall — and a group smaller than the district's minimum
 * (organizations.student_group_minimum) is suppressed for a reader without a roster relationship to it:
 * for a class, teaching it, leading its school or administering the district; overall, being able to read
 * every student in it. Never a student's name or score.
 */

const ref = (a: UsableAssessment) => ({
  id: a.id,
  title: a.title,
  givenOn: a.givenOn,
  masteryPercent: a.masteryPercent,
});

/** How the fields are named in the request (the query, or a goal's measure). */
export type GrowthFields = { before: string; after: string; standard: string };
const queryFields: GrowthFields = { before: "before", after: "after", standard: "standard" };

/** The two assessments, checked (404 as `before`/`after`; the same one twice; no shared standard). */
export async function loadPair(db: Executor, actor: Actor, q: GrowthQuery, f = queryFields) {
  if (q.before === q.after)
    throw invalid(
      f.after,
      "Choose two different assessments: the one before the strategy and the one after.",
    );
  const before = await loadUsableAssessment(db, actor, q.before, "The assessment before");
  const after = await loadUsableAssessment(db, actor, q.after, "The assessment after");
  const shared = before.standards.filter((s) => after.standards.includes(s));
  if (!shared.length)
    throw invalid(
      f.standard,
      "These two assessments share no standard: choose two that measure the same one.",
    );
  if (q.standard && !shared.includes(q.standard))
    throw invalid(f.standard, `Choose a standard both assessments measure: ${shared.join(", ")}.`);
  return { before, after, shared, standards: q.standard ? q.standard : shared };
}

export async function readGrowth(ctx: ServiceContext, q: GrowthQuery, f = queryFields): Promise<Growth> {
  const { before, after, shared, standards } = await loadPair(ctx.db, ctx.actor, q, f);
  const [b, a] = await Promise.all([
    standardScores(ctx.db, ctx.actor, { assessmentId: before.id, standard: standards, who: "all" }),
    standardScores(ctx.db, ctx.actor, { assessmentId: after.id, standard: standards, who: "all" }),
  ]);
  const pairs = pairUp(percents(b), percents(a));
  if (!pairs.length)
    throw invalid(
      f.after,
      "No student has results on both assessments: choose the same students' assessments.",
    );
  const minimum = await minimumOf(ctx.db, ctx.actor);
  const visible = await visibleAmong(ctx.db, ctx.actor, pairs);
  const row = (key: string, label: string, list: Pair[], related: boolean): GrowthRow => {
    const s = summarise(list, before.masteryPercent, after.masteryPercent);
    if (list.length >= minimum || related) return { key, label, suppressed: false, ...s };
    const none = { percentMastered: null, averagePercent: null };
    return { key, label, students: null, suppressed: true, before: none, after: none, change: none };
  };
  const classes = await classRows(ctx.db, ctx.actor, b, pairs);
  return {
    before: ref(before),
    after: ref(after),
    standard: q.standard,
    sharedStandards: shared,
    overall: row("all", "All students", pairs, visible === pairs.length),
    classes: classes.map((c) => row(c.id, c.title, c.pairs, c.related)),
    minimum,
  };
}

const percents = (scores: StandardScore[]) => new Map(scores.map((s) => [s.studentId, s.percent]));

async function minimumOf(db: Executor, actor: Actor): Promise<number> {
  const result = await db.execute<{ minimum: number }>(
    sql`select student_group_minimum as minimum from organizations where id = ${actor.orgId}`,
  );
  return result.rows[0]?.minimum ?? 10;
}

const uuids = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

async function visibleAmong(db: Executor, actor: Actor, pairs: Pair[]): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from students s
    where s.id in (${uuids(pairs.map((p) => p.studentId))}) and ${studentVisible(actor)}`);
  return result.rows[0]?.n ?? 0;
}

/** Each active class of the students in both (a student in two classes counts in each). */
async function classRows(db: Executor, actor: Actor, scores: StandardScore[], pairs: Pair[]) {
  const inBoth = new Map(pairs.map((p) => [p.studentId, p]));
  const byClass = new Map<string, { id: string; title: string; pairs: Pair[] }>();
  for (const s of scores) {
    const pair = inBoth.get(s.studentId);
    if (!pair) continue;
    for (const c of s.classes) {
      const entry = byClass.get(c.id) ?? { id: c.id, title: c.title, pairs: [] };
      entry.pairs.push(pair);
      byClass.set(c.id, entry);
    }
  }
  if (!byClass.size) return [];
  const related = await db.execute<{ id: string; related: boolean }>(sql`
    select c.id, (${actor.orgRole === "administrator"}
      or (${actor.orgRole === "school_leader"} and c.school_id = any(${sql`array[${actor.schoolIds.length ? uuids(actor.schoolIds) : sql`null::uuid`}]`}))
      or exists (select 1 from enrollments e where e.class_id = c.id and e.person_id = ${actor.id}
        and e.active and e.role in ('teacher', 'aide'))) as related
    from classes c where c.id in (${uuids([...byClass.keys()])})`);
  const isRelated = new Map(related.rows.map((r) => [r.id, r.related]));
  return [...byClass.values()]
    .map((c) => ({ ...c, related: isRelated.get(c.id) ?? false }))
    .sort((x, y) => x.title.localeCompare(y.title));
}
