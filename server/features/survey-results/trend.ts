import { sql } from "drizzle-orm";
import type { Trend, TrendQuery } from "../../../shared/schemas/survey-results.ts";
import { localized, type SurveyDefinition } from "../../../shared/surveys/definition.ts";
import { isHidden, pool, round, summarize } from "../../../shared/surveys/statistics.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadCommunity } from "../communities/load.ts";
import { canRead } from "../communities/policy.ts";
import { type AdministrationAccess, canReadResults, READERS_ONLY } from "./policy.ts";

/*
 * Term to term: every administration of one survey to one audience (a community, a school, the district),
 * oldest first, with each section's mean, SD and count — hidden (no figures) for an anonymous one below
 * its minimum (answers exist only for submitted responses: survey-responses writes them on submitting).
 * Readable by those who read that audience's results (policy.ts), plus, for the ones they
 * sent, their senders. Sections are laid out by each administration's own version and lined up by key.
 */

type Row = {
  id: string;
  title: string;
  closes_at: Date;
  anonymous: boolean;
  minimum_responses: number;
  created_by: string;
  definition: SurveyDefinition;
  responses: number;
};

async function audienceOf(ctx: ServiceContext, query: TrendQuery) {
  const given = [query.community, query.school, query.district].filter(Boolean).length;
  if (given !== 1) throw invalid("community", "Choose one audience: a community, a school or the district.");
  const access: AdministrationAccess = {
    actor: ctx.actor,
    audience: query.community ? "community" : query.school ? "school" : "district",
    schoolId: query.school ?? null,
    createdBy: "",
    recipient: false,
    community: null,
  };
  if (query.community) access.community = (await loadCommunity(ctx.db, ctx.actor, query.community)).access;
  if (query.school) {
    const found = await ctx.db.execute(
      sql`select 1 from schools where id = ${query.school} and org_id = ${ctx.actor.orgId}`,
    );
    if (!found.rows.length) throw notFound("This school");
  }
  return access;
}

export async function readTrend(ctx: ServiceContext, surveyId: string, query: TrendQuery): Promise<Trend> {
  const survey = await ctx.db.execute(sql`
    select 1 from surveys where id = ${surveyId} and (org_id is null or org_id = ${ctx.actor.orgId})`);
  if (!survey.rows.length || ctx.actor.orgRole === "partner") throw notFound("This survey");
  const access = await audienceOf(ctx, query);
  const reader = canReadResults(access);
  const place =
    access.audience === "community"
      ? sql`a.community_id = ${query.community}`
      : access.audience === "school"
        ? sql`a.school_id = ${query.school}`
        : sql`a.audience = 'district'`;
  const result = await ctx.db.execute<Row>(sql`
    select a.id, a.title, a.closes_at, a.anonymous, a.minimum_responses, a.created_by, v.definition,
      (select count(*)::int from survey_responses r
        where r.administration_id = a.id and r.submitted_at is not null) as responses
    from survey_administrations a join survey_versions v on v.id = a.survey_version_id
    where a.org_id = ${ctx.actor.orgId} and a.survey_id = ${surveyId} and ${place}
      ${reader ? sql`` : sql`and a.created_by = ${ctx.actor.id}`}
    order by a.closes_at, a.id`);
  if (!reader && !result.rows.length) {
    if (access.community && canRead(access.community)) throw forbidden(READERS_ONLY[access.audience]);
    throw notFound("These results");
  }
  const rows = result.rows;
  const shown = rows.filter((r) => !(r.anonymous && isHidden(r.responses, r.minimum_responses)));
  const counts = shown.length
    ? await ctx.db.execute<{ administration_id: string; key: string; value: number; n: number }>(sql`
        select a.administration_id, a.question_key as key, a.value, count(*)::int as n
        from survey_answers a
        where a.administration_id in (${sql.join(
          shown.map((r) => sql`${r.id}`),
          sql`, `,
        )}) and a.value is not null
        group by 1, 2, 3`)
    : { rows: [] };
  const newest = rows.at(-1)?.definition;
  return {
    surveyId,
    sections: (newest?.sections ?? []).map((s) => ({ key: s.key, title: localized(s.title, "en") })),
    administrations: rows.map((r) => {
      const hidden = !shown.includes(r);
      const mine = counts.rows.filter((c) => c.administration_id === r.id);
      return {
        id: r.id,
        title: r.title,
        closesAt: new Date(r.closes_at).toISOString(),
        responses: r.responses,
        hidden,
        sections: r.definition.sections.map((s) => {
          const keys = new Set(s.questions.filter((q) => q.kind === "likert").map((q) => q.key));
          const byKey = new Map<string, Map<number, number>>();
          for (const c of mine.filter((c) => keys.has(c.key))) {
            const m = byKey.get(c.key) ?? new Map<number, number>();
            m.set(c.value, c.n);
            byKey.set(c.key, m);
          }
          const points = Math.max(4, ...s.questions.map((q) => (q.kind === "likert" ? q.points : 4)));
          const summary = summarize(pool([...byKey.values()]), points);
          return hidden
            ? { key: s.key, count: 0, mean: null, sd: null }
            : {
                key: s.key,
                count: summary.count,
                mean: summary.mean === null ? null : round(summary.mean, 2),
                sd: summary.sd === null ? null : round(summary.sd, 2),
              };
        }),
      };
    }),
  };
}
