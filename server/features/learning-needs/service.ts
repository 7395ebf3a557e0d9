import { and, eq, sql } from "drizzle-orm";
import type {
  ResponseInput,
  Survey,
  SurveyInput,
  SurveySummary,
} from "../../../shared/schemas/learning-needs.ts";
import { learningNeedResponses, learningNeedSurveys } from "../../db/schema/index.ts";
import { conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { loadCommunity } from "../communities/load.ts";
import { todayFor } from "../goals/progress.ts";
import { loadUsableAssessment } from "../groups/assessment.ts";
import { notify } from "../notifications/notify.ts";
import { canReadSurvey, canRespond, canSendSurvey } from "./policy.ts";

type SurveyRow = {
  id: string;
  community_id: string;
  assessment_id: string | null;
  title: string;
  standards: string[];
  practices: string[];
  closes_on: string | null;
  closed: boolean;
  created_by: string;
  creator: string;
  created_at: Date;
  responded: number;
  asked: number;
};

/** Surveys, "closed" once closed or past their closing day in the reader's own time zone. */
async function querySurveys(ctx: ServiceContext, where: ReturnType<typeof sql>) {
  const db = ctx.db;
  const orgId = ctx.actor.orgId;
  const today = await todayFor(db, ctx.actor);
  const result = await db.execute<SurveyRow>(sql`
    select v.id, v.community_id, v.assessment_id, v.title, v.standards, v.practices,
      v.closes_on::text as closes_on,
      (v.closed_at is not null or (v.closes_on is not null and v.closes_on < ${today}::date)) as closed,
      v.created_by, p.name as creator, v.created_at,
      (select count(*)::int from learning_need_responses r where r.survey_id = v.id) as responded,
      (select count(*)::int from memberships m where m.community_id = v.community_id and m.status = 'active'
         and m.role in ('facilitator', 'member')) as asked
    from learning_need_surveys v join people p on p.id = v.created_by
    where v.org_id = ${orgId} and ${where}
    order by v.created_at desc limit 200`);
  return result.rows;
}

const present = (r: SurveyRow): SurveySummary => ({
  id: r.id,
  communityId: r.community_id,
  assessmentId: r.assessment_id,
  title: r.title,
  standards: r.standards,
  practices: r.practices,
  closesOn: r.closes_on,
  closed: r.closed,
  createdBy: { id: r.created_by, name: r.creator },
  createdAt: new Date(r.created_at).toISOString(),
  responded: r.responded,
  asked: r.asked,
});

/** Sends a survey to the team: the assessment's standards are offered when none are given. */
export async function createSurvey(ctx: ServiceContext, communityId: string, input: SurveyInput) {
  const { access, row: community } = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canSendSurvey(access)) throw forbidden("Only the team's facilitators and leaders can send a survey.");
  let standards = input.standards;
  if (input.assessmentId) {
    const a = await loadUsableAssessment(ctx.db, ctx.actor, input.assessmentId).catch(() => null);
    if (!a || a.communityId !== communityId)
      throw invalid("assessmentId", "Choose one of this team's assessments.");
    if (!standards.length) standards = a.standards;
  }
  if (!standards.length && !input.practices.length)
    throw invalid("standards", "Offer at least one standard or teaching practice to choose from.");
  if (input.closesOn && input.closesOn < (await todayFor(ctx.db, ctx.actor)))
    throw invalid("closesOn", "Choose a closing date from today on.");
  const id = newId();
  await ctx.db.insert(learningNeedSurveys).values({
    id,
    orgId: ctx.actor.orgId,
    communityId,
    assessmentId: input.assessmentId,
    title: input.title,
    standards,
    practices: input.practices,
    closesOn: input.closesOn,
    createdBy: ctx.actor.id,
  });
  const asked = community.members
    .filter((m) => m.status === "active" && (m.role === "facilitator" || m.role === "member"))
    .map((m) => m.personId);
  await notify(ctx.db, asked, {
    orgId: ctx.actor.orgId,
    kind: "learning_needs",
    actorId: ctx.actor.id,
    communityId,
    path: `/learning-need-surveys/${id}`,
    data: { title: input.title, community: community.name },
  });
  return readSurvey(ctx, id);
}

export async function listSurveys(ctx: ServiceContext, communityId: string) {
  const { access } = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canReadSurvey(access)) throw notFound("This community");
  const rows = await querySurveys(ctx, sql`v.community_id = ${communityId}`);
  return { items: rows.map(present), can: { create: canSendSurvey(access) } };
}

async function loadSurvey(ctx: ServiceContext, id: string) {
  const [row] = await querySurveys(ctx, sql`v.id = ${id}`);
  if (!row) throw notFound("This survey");
  const { access } = await loadCommunity(ctx.db, ctx.actor, row.community_id).catch(() => {
    throw notFound("This survey");
  });
  if (!canReadSurvey(access)) throw notFound("This survey");
  return { row, access };
}

/** Counts per choice (never who chose what), and the caller's own answer. */
export async function readSurvey(ctx: ServiceContext, id: string): Promise<Survey> {
  const { row, access } = await loadSurvey(ctx, id);
  const counts = await ctx.db.execute<{ kind: string; choice: string; n: number }>(sql`
    select 'standard' as kind, c as choice, count(*)::int as n
      from learning_need_responses r, unnest(r.standards) c where r.survey_id = ${id} group by c
    union all
    select 'practice', c, count(*)::int
      from learning_need_responses r, unnest(r.practices) c where r.survey_id = ${id} group by c`);
  const countOf = (kind: string, choice: string) =>
    counts.rows.find((c) => c.kind === kind && c.choice === choice)?.n ?? 0;
  const [mine] = await ctx.db
    .select()
    .from(learningNeedResponses)
    .where(and(eq(learningNeedResponses.surveyId, id), eq(learningNeedResponses.personId, ctx.actor.id)));
  return {
    ...present(row),
    standardCounts: row.standards.map((choice) => ({ choice, count: countOf("standard", choice) })),
    practiceCounts: row.practices.map((choice) => ({ choice, count: countOf("practice", choice) })),
    mine: mine ? { standards: mine.standards, practices: mine.practices, other: mine.other } : null,
    can: { respond: canRespond(access) && !row.closed, close: canSendSurvey(access) && !row.closed },
  };
}

/** A member's answer; answering again replaces it. Only the choices offered. */
export async function respond(ctx: ServiceContext, id: string, input: ResponseInput): Promise<Survey> {
  const { row, access } = await loadSurvey(ctx, id);
  if (!canRespond(access)) throw forbidden("Only the team's facilitators and members answer its survey.");
  if (row.closed) throw conflict("This survey is closed: answers are no longer taken.");
  const offStandard = input.standards.find((s) => !row.standards.includes(s));
  if (offStandard)
    throw invalid("standards", `Choose among the standards offered (“${offStandard}” is not one).`);
  const offPractice = input.practices.find((s) => !row.practices.includes(s));
  if (offPractice)
    throw invalid("practices", `Choose among the practices offered (“${offPractice}” is not one).`);
  if (!input.standards.length && !input.practices.length && !input.other)
    throw invalid("standards", "Choose at least one standard or practice, or say what else you need.");
  const values = { standards: input.standards, practices: input.practices, other: input.other };
  await ctx.db
    .insert(learningNeedResponses)
    .values({ orgId: ctx.actor.orgId, surveyId: id, personId: ctx.actor.id, ...values })
    .onConflictDoUpdate({
      target: [learningNeedResponses.surveyId, learningNeedResponses.personId],
      set: { ...values, updatedAt: sql`now()` },
    });
  return readSurvey(ctx, id);
}

export async function closeSurvey(ctx: ServiceContext, id: string): Promise<Survey> {
  const { access } = await loadSurvey(ctx, id);
  if (!canSendSurvey(access))
    throw forbidden("Only the team's facilitators and leaders can close its survey.");
  await ctx.db
    .update(learningNeedSurveys)
    .set({ closedAt: sql`coalesce(closed_at, now())` })
    .where(eq(learningNeedSurveys.id, id));
  return readSurvey(ctx, id);
}
