import { sql } from "drizzle-orm";
import {
  type Analysis,
  type AnalysisQuery,
  type GroupMastery,
  MAX_HEAT_CLASSES,
} from "../../../shared/schemas/analysis.ts";
import type { Executor } from "../../db/client.ts";
import { invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { type AnalysisTarget, readableAssessment } from "./access.ts";
import { freshAggregates, rosterVersion } from "./aggregates.ts";
import { cached } from "./cache.ts";
import { analyseItem, type GroupCounts, masteryOf, weakestStandard } from "./maths.ts";
import {
  type GroupKind,
  type GroupRow,
  groupCounts,
  groupNames,
  itemAnswers,
  type Names,
} from "./queries.ts";

/*
 * An assessment's analysis for one reader: authorised (access.ts), aggregates brought up to date
 * (aggregates.ts), counted in SQL (queries.ts) and turned into percents and suppressed groups (maths.ts).
 */

type Item = {
  id: string;
  label: string;
  position: number;
  kind: "points" | "choice";
  standard: string;
  max_points: number;
  answer_key: string;
};

async function itemsOf(db: Executor, target: AnalysisTarget) {
  return (
    await db.execute<Item>(sql`
      select id, label, position, kind, standard, max_points, answer_key from assessment_items
       where assessment_id = ${target.id} and org_id = ${target.orgId} order by position`)
  ).rows;
}

/** Checks the filters name a school or class of this district (400 naming the field otherwise). */
async function checkScope(db: Executor, orgId: string, query: AnalysisQuery) {
  if (query.schoolId) {
    const found = await db.execute(
      sql`select 1 from schools where id = ${query.schoolId} and org_id = ${orgId}`,
    );
    if (!found.rows.length) throw invalid("schoolId", "Choose one of your district’s schools.");
  }
  if (query.classId) {
    const found = await db.execute(
      sql`select 1 from classes where id = ${query.classId} and org_id = ${orgId}`,
    );
    if (!found.rows.length) throw invalid("classId", "Choose one of the classes listed.");
  }
}

async function filtersOf(db: Executor, target: AnalysisTarget) {
  const limit = target.limitToSchools;
  const rows = (
    await db.execute<{ id: string; name: string; school_id: string; school_name: string }>(sql`
      select distinct c.id, c.title as name, c.school_id, sc.name as school_name
        from enrollments se join classes c on c.id = se.class_id join schools sc on sc.id = c.school_id
       where se.org_id = ${target.orgId} and se.role = 'student' and se.active and c.active
         and se.student_id in (select student_id from assessment_standard_scores
                                where org_id = ${target.orgId} and assessment_id = ${target.id})
         ${
           limit
             ? sql`and c.school_id = any(${sql`array[${sql.join(
                 limit.map((s) => sql`${s}::uuid`),
                 sql`, `,
               )}]::uuid[]`})`
             : sql``
         }
       order by sc.name, c.title`)
  ).rows;
  const schools = new Map(rows.map((r) => [r.school_id, r.school_name]));
  return {
    schools: [...schools].map(([id, name]) => ({ id, name })),
    classes: rows.map((r) => ({ id: r.id, name: r.name, schoolId: r.school_id })),
  };
}

const countsOf = (r: GroupRow | undefined): GroupCounts => ({
  students: r?.students ?? 0,
  mastered: r?.mastered ?? 0,
  visible: r?.visible ?? 0,
  sumPercent: r?.sum_percent ?? 0,
});

/** The groups of one kind with their overall and per-standard mastery, in name order. */
export function groupsOf(
  rows: GroupRow[],
  kind: GroupKind,
  standards: string[],
  minimum: number,
  nameOf: (id: string) => { name: string; schoolId: string | null },
): GroupMastery[] {
  const byGroup = new Map<string, Map<string | null, GroupRow>>();
  for (const r of rows)
    if (r.kind === kind && r.group_id) {
      const found = byGroup.get(r.group_id) ?? new Map();
      found.set(r.standard, r);
      byGroup.set(r.group_id, found);
    }
  return [...byGroup]
    .map(([id, cells]) => {
      const overall = masteryOf(countsOf(cells.get(null)), minimum);
      return {
        id,
        ...nameOf(id),
        students: overall.students,
        suppressed: overall.suppressed,
        percentMastered: overall.percentMastered,
        standards: standards.map((standard) => {
          const m = masteryOf(countsOf(cells.get(standard)), minimum);
          // A standard's cell never shows more than its group does.
          return overall.suppressed
            ? { standard, ...m, suppressed: m.students > 0, percentMastered: null, meanPercent: null }
            : { standard, ...m };
        }),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function readAnalysis(
  ctx: ServiceContext,
  assessmentId: string,
  query: AnalysisQuery,
): Promise<Analysis> {
  const target = await readableAssessment(ctx, assessmentId);
  await checkScope(ctx.db, target.orgId, query);
  const [{ version }, roster] = await Promise.all([
    freshAggregates(ctx.db, target.orgId, target.id),
    rosterVersion(ctx.db, target.orgId),
  ]);
  // What does not depend on the reader is kept per version of the results and of the roster (cache.ts).
  const key = `${target.id}:${version}:${roster}:${target.shareByTeacher}:${target.limitToSchools?.join(",") ?? "all"}`;
  const filters = await cached(`filters:${key}`, () => filtersOf(ctx.db, target));
  const inScope = filters.classes.filter(
    (c) => (!query.schoolId || c.schoolId === query.schoolId) && (!query.classId || c.id === query.classId),
  );
  const withClasses = inScope.length <= MAX_HEAT_CLASSES;
  const [items, rows, answers] = await Promise.all([
    itemsOf(ctx.db, target),
    // An administrator's counts don't depend on who they are (every student is theirs to read).
    ctx.actor.orgRole === "administrator"
      ? cached(`groups:${key}:${query.schoolId ?? ""}:${query.classId ?? ""}:${withClasses}`, () =>
          groupCounts(ctx.db, ctx.actor, target, query, withClasses),
        )
      : groupCounts(ctx.db, ctx.actor, target, query, withClasses),
    cached(`items:${key}:${query.schoolId ?? ""}:${query.classId ?? ""}`, () =>
      itemAnswers(ctx.db, target, query),
    ),
  ]);
  const names = await groupNames(ctx.db, target.orgId, rows);
  const standards = [...new Set(items.map((i) => i.standard))].sort();
  const offered = {
    schools: filters.schools,
    classes: filters.classes.length <= MAX_HEAT_CLASSES ? filters.classes : query.schoolId ? inScope : [],
  };
  return shape(target, query, items, rows, answers, offered, names, standards);
}

function shape(
  target: AnalysisTarget,
  query: AnalysisQuery,
  items: Item[],
  rows: GroupRow[],
  answers: Awaited<ReturnType<typeof itemAnswers>>,
  filters: Analysis["filters"],
  names: Names,
  standards: string[],
): Analysis {
  const min = target.minimum;
  const everyone = rows.filter((r) => r.kind === "all");
  const overall = masteryOf(countsOf(everyone.find((r) => r.standard === null)), min);
  const byStandard = standards.map((standard) => {
    const m = masteryOf(countsOf(everyone.find((r) => r.standard === standard)), min);
    return overall.suppressed
      ? { standard, ...m, suppressed: true, percentMastered: null, meanPercent: null }
      : { standard, ...m };
  });
  const byClass = groupsOf(rows, "class", standards, min, (id) => {
    const c = names.classes.get(id);
    return { name: c?.name ?? "", schoolId: c?.schoolId ?? null };
  });
  const bySchool = groupsOf(rows, "school", standards, min, (id) => ({
    name: names.schools.get(id) ?? "",
    schoolId: id,
  }));
  const answersOf = (itemId: string) => answers.filter((a) => a.item_id === itemId);
  return {
    assessment: {
      id: target.id,
      title: target.title,
      communityId: target.communityId,
      communityName: target.communityName,
      masteryPercent: target.masteryPercent,
      standards,
    },
    scope: { schoolId: query.schoolId ?? null, classId: query.classId ?? null },
    minimum: min,
    students: overall.students,
    suppressed: overall.suppressed,
    items: items.map((i) => {
      const facts = { kind: i.kind, maxPoints: i.max_points, answerKey: i.answer_key };
      const result = analyseItem(facts, overall.suppressed ? [] : answersOf(i.id));
      return {
        id: i.id,
        label: i.label,
        position: i.position,
        kind: i.kind,
        standard: i.standard,
        maxPoints: i.max_points,
        answerKey: i.answer_key,
        ...result,
      };
    }),
    standards: byStandard,
    weakestStandard: weakestStandard(byStandard),
    byClass,
    byTeacher: target.shareByTeacher
      ? groupsOf(rows, "teacher", standards, min, (id) => ({
          name: names.people.get(id) ?? "",
          schoolId: null,
        }))
      : null,
    bySchool,
    heatmapBy: byClass.length || !bySchool.length ? "class" : "school",
    heatmap: (byClass.length ? byClass : bySchool).flatMap((c) =>
      c.standards.map((s) => ({
        groupId: c.id,
        standard: s.standard,
        students: s.students,
        suppressed: s.suppressed,
        percentMastered: s.percentMastered,
      })),
    ),
    filters,
  };
}
