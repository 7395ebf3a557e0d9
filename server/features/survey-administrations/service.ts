import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  Administration,
  AdministrationList,
  administrationInputSchema,
  MySurveys,
} from "../../../shared/schemas/survey-administrations.ts";
import type { Executor } from "../../db/client.ts";
import { schools, surveyAdministrations, surveys } from "../../db/schema/index.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { loadCommunity } from "../communities/load.ts";
import { notify } from "../notifications/notify.ts";
import { accessOf, iso, loadAdministration, presentSummary, queryAdministrations, statusOf } from "./load.ts";
import {
  canAnswer,
  canManageAdministration,
  canReadAdministration,
  canReadResults,
  canSendTo,
} from "./policy.ts";
import { recipientsOf } from "./recipients.ts";

type SendInput = z.infer<typeof administrationInputSchema>;
const DAY = 24 * 60 * 60_000;

/** The survey to send: the district's own or a built-in, not archived, with questions. */
async function loadSendable(db: Executor, orgId: string, surveyId: string) {
  const [survey] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, surveyId), or(eq(surveys.orgId, orgId), isNull(surveys.orgId))));
  if (!survey) throw notFound("This survey");
  if (survey.archivedAt) throw invalid("surveyId", "This survey is archived: restore it before sending it.");
  if (!survey.currentVersionId) throw invalid("surveyId", "This survey has no questions yet.");
  return { ...survey, currentVersionId: survey.currentVersionId };
}

/** Checks the audience and that the actor may send to it; returns the target's ids. */
async function checkAudience(ctx: ServiceContext, input: SendInput) {
  const { actor } = ctx;
  if (input.audience === "community") {
    if (!input.communityId) throw invalid("communityId", "Choose the community to ask.");
    const { access, row } = await loadCommunity(ctx.db, actor, input.communityId);
    const facilitates = access.membership?.status === "active" && access.membership.role === "facilitator";
    if (!canSendTo(actor, "community", { facilitates }))
      throw forbidden("Only the community's facilitators (and administrators) can send it a survey.");
    if (row.archived) throw invalid("communityId", "This community is archived.");
    return { communityId: row.id, schoolId: null, name: row.name };
  }
  if (input.audience === "school") {
    if (!input.schoolId) throw invalid("schoolId", "Choose the school to ask.");
    const [school] = await ctx.db
      .select()
      .from(schools)
      .where(and(eq(schools.id, input.schoolId), eq(schools.orgId, actor.orgId)));
    if (!school) throw notFound("This school");
    if (!canSendTo(actor, "school", { schoolId: school.id }))
      throw forbidden("Only the school's leaders (and administrators) can send it a survey.");
    return { communityId: null, schoolId: school.id, name: school.name };
  }
  if (!canSendTo(actor, "district", {}))
    throw forbidden("Only district administrators can send a survey to the whole district.");
  return { communityId: null, schoolId: null, name: null };
}

function checkDates(input: SendInput, now: Date) {
  const closesAt = new Date(input.closesAt);
  // An opening a moment in the past (the form's "now") opens it now.
  const opensAt = input.opensAt && new Date(input.opensAt) > now ? new Date(input.opensAt) : now;
  if (closesAt <= now) throw invalid("closesAt", "Choose a closing time in the future.");
  if (closesAt <= opensAt) throw invalid("closesAt", "Choose a closing time after the opening.");
  return { opensAt, closesAt };
}

/** Sends a survey: recipients fixed now; notified now when it opens now (else by the sweep). */
export async function sendAdministration(ctx: ServiceContext, input: SendInput): Promise<Administration> {
  const survey = await loadSendable(ctx.db, ctx.actor.orgId, input.surveyId);
  const target = await checkAudience(ctx, input);
  const now = new Date();
  const { opensAt, closesAt } = checkDates(input, now);
  const recipients = await recipientsOf(ctx.db, ctx.actor.orgId, input.audience, target);
  if (recipients.length === 0)
    throw invalid("audience", "Nobody would be asked: this audience has no educators yet.");
  const id = newId();
  const title = input.title?.trim() || survey.title;
  await ctx.db.insert(surveyAdministrations).values({
    id,
    orgId: ctx.actor.orgId,
    surveyId: survey.id,
    surveyVersionId: survey.currentVersionId,
    title,
    audience: input.audience,
    communityId: target.communityId,
    schoolId: target.schoolId,
    anonymous: input.anonymous,
    minimumResponses: input.minimumResponses,
    opensAt,
    closesAt,
    createdBy: ctx.actor.id,
  });
  await ctx.db.execute(sql`
    insert into survey_recipients (org_id, administration_id, person_id)
    select ${ctx.actor.orgId}, ${id}, unnest(string_to_array(${recipients.join(",")}, ',')::uuid[])`);
  await recordAudit(ctx.db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action: "survey_administration.sent",
    subjectType: "survey_administration",
    subjectId: id,
    details: { title, audience: input.audience, to: target.name, recipients: recipients.length },
    ip: ctx.ip,
  });
  if (opensAt <= now)
    await notifyOpened(
      ctx.db,
      ctx.actor.orgId,
      { id, title, createdBy: ctx.actor.id, communityId: target.communityId },
      recipients,
    );
  return readAdministration(ctx, id);
}

export async function notifyOpened(
  db: Executor,
  orgId: string,
  a: { id: string; title: string; createdBy: string; communityId: string | null },
  recipients: string[],
) {
  return notify(db, recipients, {
    orgId,
    kind: "survey_opened",
    actorId: a.createdBy,
    communityId: a.communityId,
    path: `/survey-responses/${a.id}`,
    data: { title: a.title },
  });
}

/** Named surveys, for their managers: each recipient and whether they have answered. */
async function respondentsOf(db: Executor, id: string) {
  const result = await db.execute<{ id: string; name: string; answered: boolean }>(sql`
    select p.id, p.name, exists (select 1 from survey_responses x where x.administration_id = r.administration_id
      and x.person_id = r.person_id and x.submitted_at is not null) as answered
    from survey_recipients r join people p on p.id = r.person_id
    where r.administration_id = ${id} order by p.name, p.id`);
  return result.rows;
}

export async function readAdministration(ctx: ServiceContext, id: string): Promise<Administration> {
  const { row, access } = await loadAdministration(ctx.db, ctx.actor, id);
  const manage = canManageAdministration(access);
  const status = statusOf(row);
  const remindable = !row.reminded_at || Date.now() - new Date(row.reminded_at).getTime() >= DAY;
  return {
    ...presentSummary(row),
    surveyVersion: { id: row.survey_version_id, number: row.version_number },
    remindedAt: row.reminded_at ? iso(row.reminded_at) : null,
    respondents: !row.anonymous && manage ? await respondentsOf(ctx.db, id) : null,
    version: row.version,
    can: {
      remind: manage && status === "open" && remindable,
      close: manage && status !== "closed",
      changeClosing: manage && status !== "closed",
      results: canReadResults(access),
      answer: canAnswer(access) && status === "open",
    },
  };
}

/** A community's administrations (404 when the community is not readable), or those the actor sent. */
export async function listAdministrations(
  ctx: ServiceContext,
  communityId?: string,
): Promise<AdministrationList> {
  if (!communityId) {
    const rows = await queryAdministrations(ctx.db, ctx.actor, resultsIMayRead(ctx.actor));
    return {
      items: rows.filter((r) => canReadResults(accessOf(ctx.actor, r))).map(presentSummary),
      can: { send: ctx.actor.orgRole !== "partner" },
    };
  }
  const { access, row: community } = await loadCommunity(ctx.db, ctx.actor, communityId);
  const rows = await queryAdministrations(ctx.db, ctx.actor, sql`a.community_id = ${communityId}`);
  const facilitates = access.membership?.status === "active" && access.membership.role === "facilitator";
  return {
    items: rows.filter((r) => canReadAdministration(accessOf(ctx.actor, r))).map(presentSummary),
    can: { send: canSendTo(ctx.actor, "community", { facilitates }) && !community.archived },
  };
}

/**
 * Without a community: every administration whose results I may read — those I sent, my teams' and my
 * schools' (all of them for administrators) — narrowed in SQL, then checked by the policy itself.
 */
function resultsIMayRead(actor: ServiceContext["actor"]) {
  if (actor.orgRole === "partner") return sql`false`;
  if (actor.orgRole === "administrator") return sql`true`;
  const led = actor.orgRole === "school_leader" ? actor.schoolIds.join(",") : "";
  return sql`(a.created_by = ${actor.id}
    or (a.audience = 'school' and a.school_id::text = any(string_to_array(${led}, ',')))
    or (a.audience = 'community' and exists (select 1 from memberships m where m.community_id = a.community_id
      and m.person_id = ${actor.id} and m.status = 'active' and m.role in ('facilitator', 'member'))))`;
}

/**
 * What I am asked to answer: open ones first (closing soonest first), then the recently closed. A closed
 * anonymous one reads "unlinked" whether or not the sweep has dropped its link yet, so Home — read on every
 * visit — never has to write (the sweep and reading one administration do the unlinking).
 */
export async function mySurveys(ctx: ServiceContext): Promise<MySurveys> {
  if (ctx.actor.orgRole === "partner") return { items: [] };
  const rows = await queryAdministrations(
    ctx.db,
    ctx.actor,
    sql`a.opens_at <= now() and exists (select 1 from survey_recipients r
      where r.administration_id = a.id and r.person_id = ${ctx.actor.id})
      and a.closes_at > now() - interval '90 days'`,
  );
  const mine = await ctx.db.execute<{ administration_id: string; submitted: boolean }>(sql`
    select administration_id, submitted_at is not null as submitted from survey_responses
    where person_id = ${ctx.actor.id} and org_id = ${ctx.actor.orgId}`);
  const byId = new Map(mine.rows.map((r) => [r.administration_id, r.submitted]));
  const items = rows.map((r) => {
    const s = presentSummary(r);
    const answered = byId.get(r.id);
    return {
      id: s.id,
      title: s.title,
      status: s.status,
      anonymous: s.anonymous,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      sentBy: s.sentBy,
      community: s.community,
      mine:
        r.anonymous && (r.unlinked_at || s.status === "closed")
          ? ("unlinked" as const)
          : answered === true
            ? ("submitted" as const)
            : answered === false
              ? ("draft" as const)
              : ("not_started" as const),
    };
  });
  const open = items.filter((i) => i.status === "open").sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  const closed = items.filter((i) => i.status === "closed").slice(0, 20);
  return { items: [...open, ...closed] };
}
