import { sql } from "drizzle-orm";
import type { DraftInput, MyResponse, SubmitInput } from "../../../shared/schemas/survey-administrations.ts";
import { checkAnswers, cleanAnswers, questionByKey } from "../../../shared/surveys/answers.ts";
import type { SurveyAnswers, SurveyDefinition } from "../../../shared/surveys/definition.ts";
import { localized } from "../../../shared/surveys/definition.ts";
import type { Executor } from "../../db/client.ts";
import { surveyAnswers, surveyResponses } from "../../db/schema/index.ts";
import { AppError, conflict, forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { describeTime } from "../meetings/overlap.ts";
import { type AdministrationRow, iso, loadAdministration, statusOf } from "../survey-administrations/load.ts";
import { canAnswer } from "../survey-administrations/policy.ts";

/*
 * Answering a sent survey: one response per person, drafts saved as you go, submitted once, changed until
 * it closes. Only recipients answer (others who can see it: 403; the rest: 404). The response keeps the
 * version it answered; new ones answer the administration's current version.
 */

type ResponseRow = {
  id: string;
  survey_version_id: string;
  draft: SurveyAnswers | null;
  draft_saved_at: string | Date | null;
  submitted_at: string | Date | null;
  version: number;
};

async function myResponseRow(db: Executor, administrationId: string, personId: string) {
  const r = await db.execute<ResponseRow>(sql`
    select id, survey_version_id, draft, draft_saved_at, submitted_at, version from survey_responses
    where administration_id = ${administrationId} and person_id = ${personId}`);
  return r.rows[0] ?? null;
}

/**
 * The version a response answers. A write locks it `for share`: an edit of the survey locks it `for update`
 * before counting its responses, so either the edit waits and then sees this response (and becomes a new
 * version), or this write waits and checks the answers against the definition the edit left.
 */
async function versionOf(db: Executor, versionId: string, forWrite = false) {
  const r = await db.execute<{ id: string; number: number; definition: SurveyDefinition }>(
    sql`select id, number, definition from survey_versions where id = ${versionId} ${forWrite ? sql`for share` : sql``}`,
  );
  const v = r.rows[0];
  if (!v) throw new Error(`survey version ${versionId} is missing`);
  return v;
}

async function submittedAnswers(db: Executor, responseId: string): Promise<SurveyAnswers> {
  const r = await db.execute<{
    question_key: string;
    value: number | null;
    choices: string[] | null;
    text: string | null;
  }>(sql`select question_key, value, choices, text from survey_answers where response_id = ${responseId}`);
  const answers: SurveyAnswers = {};
  for (const a of r.rows) {
    answers[a.question_key] =
      a.value !== null
        ? { value: a.value }
        : a.choices !== null
          ? { choices: a.choices }
          : { text: a.text ?? "" };
  }
  return answers;
}

/**
 * While it is open, an administration asks its survey's current version: a survey edited after answers
 * arrived (a new version) is what new respondents see, while earlier responses keep theirs. One statement.
 */
async function followSurveyVersion(db: Executor, orgId: string, id: string) {
  await db.execute(sql`
    update survey_administrations a set survey_version_id = s.current_version_id, updated_at = now()
    from surveys s
    where a.id = ${id} and a.org_id = ${orgId} and s.id = a.survey_id and s.current_version_id is not null
      and s.current_version_id <> a.survey_version_id and a.closes_at > now()`);
}

async function loadForAnswering(ctx: ServiceContext, id: string) {
  await followSurveyVersion(ctx.db, ctx.actor.orgId, id);
  const loaded = await loadAdministration(ctx.db, ctx.actor, id);
  if (!canAnswer(loaded.access)) throw forbidden("Only the people this survey was sent to can answer it.");
  return loaded;
}

async function zoneOf(ctx: ServiceContext) {
  const r = await ctx.db.execute<{ time_zone: string }>(
    sql`select time_zone from people where id = ${ctx.actor.id}`,
  );
  return r.rows[0]?.time_zone ?? "UTC";
}

/** Refuses answers before it opens and after it closes, saying when. */
async function assertOpen(ctx: ServiceContext, row: AdministrationRow) {
  const status = statusOf(row);
  if (status === "open") return;
  const zone = await zoneOf(ctx);
  if (status === "upcoming")
    throw conflict(
      `This survey opens on ${describeTime(new Date(row.opens_at), zone)}: come back then to answer.`,
    );
  throw conflict(
    `This survey closed on ${describeTime(new Date(row.closes_at), zone)}: answers are no longer taken or changed.`,
  );
}

function assertAnswers(definition: SurveyDefinition, answers: SurveyAnswers, complete: boolean) {
  const issues = checkAnswers(definition, answers, { complete });
  const first = issues[0];
  if (!first) return;
  const question = questionByKey(definition, first.key);
  const named = question
    ? `Question ${question.number} (“${localized(question.question.text, "en")}”): ${first.message}`
    : `“${first.key}”: ${first.message}`;
  throw new AppError(
    422,
    "validation",
    "Please check the highlighted answers",
    named,
    issues.map(({ path, message }) => ({ path, message })),
  );
}

export async function readMyResponse(ctx: ServiceContext, id: string): Promise<MyResponse> {
  const { row } = await loadForAnswering(ctx, id);
  const mine = await myResponseRow(ctx.db, id, ctx.actor.id);
  const version = await versionOf(ctx.db, mine?.survey_version_id ?? row.survey_version_id);
  const status = mine?.submitted_at
    ? "submitted"
    : mine
      ? "draft"
      : row.unlinked_at
        ? "unlinked"
        : "not_started";
  return {
    administration: {
      id: row.id,
      title: row.title,
      status: statusOf(row),
      opensAt: iso(row.opens_at),
      closesAt: iso(row.closes_at),
      anonymous: row.anonymous,
      sentBy: { id: row.created_by, name: row.sender_name },
      community: row.community_id ? { id: row.community_id, name: row.community_name ?? "" } : null,
    },
    surveyVersion: { id: version.id, number: version.number },
    definition: version.definition,
    status,
    draft: mine?.draft ?? null,
    draftSavedAt: mine?.draft_saved_at ? iso(mine.draft_saved_at) : null,
    submitted: mine?.submitted_at ? await submittedAnswers(ctx.db, mine.id) : null,
    submittedAt: mine?.submitted_at ? iso(mine.submitted_at) : null,
    version: mine?.version ?? 0,
    can: { answer: statusOf(row) === "open" },
  };
}

const stale = () =>
  conflict(
    "Your answers were saved from another window since. Reload to continue from the latest.",
    "version",
  );

/** Serialises one person's writes to one response (two tabs, a double click). */
const lockMine = (db: Executor, id: string, personId: string) =>
  db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`survey-response:${id}:${personId}`}, 0))`);

export async function saveDraft(ctx: ServiceContext, id: string, input: DraftInput): Promise<MyResponse> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const { row } = await loadForAnswering(c, id);
    await assertOpen(c, row);
    await lockMine(tx, id, ctx.actor.id);
    const mine = await myResponseRow(tx, id, ctx.actor.id);
    if ((mine?.version ?? 0) !== input.version) throw stale();
    const version = await versionOf(tx, mine?.survey_version_id ?? row.survey_version_id, true);
    assertAnswers(version.definition, input.answers, false);
    const draft = cleanAnswers(version.definition, input.answers);
    if (mine) {
      await tx.execute(sql`
        update survey_responses set draft = ${JSON.stringify(draft)}::jsonb, draft_saved_at = now(),
          version = version + 1, updated_at = now()
        where id = ${mine.id}`);
    } else {
      await tx.insert(surveyResponses).values({
        id: newId(),
        orgId: ctx.actor.orgId,
        administrationId: id,
        surveyVersionId: row.survey_version_id,
        personId: ctx.actor.id,
        draft,
        draftSavedAt: new Date(),
      });
    }
    return readMyResponse(c, id);
  });
}

async function writeAnswers(
  ctx: ServiceContext,
  administrationId: string,
  responseId: string,
  answers: SurveyAnswers,
) {
  await ctx.db.execute(sql`delete from survey_answers where response_id = ${responseId}`);
  const rows = Object.entries(answers).map(([questionKey, a]) => ({
    orgId: ctx.actor.orgId,
    administrationId,
    responseId,
    questionKey,
    value: a.value ?? null,
    choices: a.choices ?? null,
    text: a.text ?? null,
  }));
  if (rows.length) await ctx.db.insert(surveyAnswers).values(rows);
}

/** Submits: every required question answered; a second submission is refused (change instead). */
export async function submit(
  ctx: ServiceContext,
  id: string,
  input: SubmitInput,
  change = false,
): Promise<MyResponse> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const { row } = await loadForAnswering(c, id);
    await assertOpen(c, row);
    await lockMine(tx, id, ctx.actor.id);
    const mine = await myResponseRow(tx, id, ctx.actor.id);
    if (!change && mine?.submitted_at)
      throw conflict("You have already answered — change your answers instead.");
    if (change && !mine?.submitted_at)
      throw conflict("You have not answered yet — submit your answers first.");
    if (input.version !== undefined && mine && mine.version !== input.version) throw stale();
    const version = await versionOf(tx, mine?.survey_version_id ?? row.survey_version_id, true);
    assertAnswers(version.definition, input.answers, true);
    const answers = cleanAnswers(version.definition, input.answers);
    const school = ctx.actor.schoolIds[0] ?? null;
    const responseId = mine?.id ?? newId();
    if (mine) {
      await tx.execute(sql`
        update survey_responses set submitted_at = coalesce(submitted_at, now()), draft = null,
          draft_saved_at = null, school_id = ${school}, role = ${ctx.actor.orgRole}, version = version + 1,
          updated_at = now()
        where id = ${mine.id}`);
    } else {
      await tx.insert(surveyResponses).values({
        id: responseId,
        orgId: ctx.actor.orgId,
        administrationId: id,
        surveyVersionId: row.survey_version_id,
        personId: ctx.actor.id,
        submittedAt: new Date(),
        schoolId: school,
        role: ctx.actor.orgRole,
      });
    }
    await writeAnswers(c, id, responseId, answers);
    return readMyResponse(c, id);
  });
}
