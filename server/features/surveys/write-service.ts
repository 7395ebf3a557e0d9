import { sql } from "drizzle-orm";
import {
  type Survey,
  type SurveyCopyInput,
  type SurveyEditBody,
  type SurveyInputBody,
  surveyDefinitionInputSchema,
} from "../../../shared/schemas/surveys.ts";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import { planEdit } from "../../../shared/surveys/versioning.ts";
import type { Executor } from "../../db/client.ts";
import { AppError, conflict, forbidden, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { loadReadableSurvey } from "./load.ts";
import { canEditSurvey, canWriteDistrictLibrary, canWriteForCommunity, isEducator } from "./policy.ts";
import { readSurvey } from "./service.ts";

/** The definition judged by the schema the builder uses; 422 naming each field that needs fixing. */
function parseDefinition(definition: unknown): SurveyDefinition {
  const parsed = surveyDefinitionInputSchema.safeParse(definition);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.flatMap((issue) => {
    const base = ["definition", ...issue.path.map(String)].join(".");
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({
        path: `${base}.${key}`,
        message: `"${key}" is not a field here; remove it.`,
      }));
    return [{ path: base, message: issue.message }];
  });
  throw new AppError(422, "validation", "Please check the highlighted fields", errors[0]?.message, errors);
}

/** Checks the caller may put a survey there: the district's library, or a community they manage. */
async function checkPlace(ctx: ServiceContext, communityId: string | null) {
  const { actor } = ctx;
  const notEducator = () => forbidden("Surveys are for the district's educators and leaders.");
  if (communityId === null) {
    if (!isEducator(actor)) throw notEducator();
    if (!canWriteDistrictLibrary(actor))
      throw forbidden(
        "Only administrators and school leaders add surveys to the district's library; choose one of your communities.",
        "communityId",
      );
    return;
  }
  type Row = {
    archived: boolean;
    visible: boolean;
    role: string | null;
    status: string | null;
    leads: boolean;
  };
  const result = await ctx.db.execute<Row>(sql`
    select c.archived_at is not null as archived, c.visibility = 'organization' as visible, m.role, m.status,
      exists (select 1 from community_schools cs where cs.community_id = c.id
        and cs.school_id = any(string_to_array(${actor.schoolIds.join(",")}, ',')::uuid[])) as leads
    from communities c
    left join memberships m on m.community_id = c.id and m.person_id = ${actor.id}
    where c.id = ${communityId} and c.org_id = ${actor.orgId}`);
  const row = result.rows[0];
  const leads = actor.orgRole === "administrator" || (actor.orgRole === "school_leader" && row?.leads);
  // A private community one is not in does not exist for the caller (as everywhere else).
  if (!row || !(row.visible || leads || row.status === "active")) throw notFound("This community");
  if (!isEducator(actor)) throw notEducator();
  const relation = { archived: row.archived, role: row.role, status: row.status, leadsItsSchool: row.leads };
  if (!canWriteForCommunity(actor, relation))
    throw forbidden(
      row.archived
        ? "This community is archived: its surveys can no longer change."
        : "Only the community's facilitators and leaders write its surveys.",
      "communityId",
    );
}

async function insertSurvey(
  ctx: ServiceContext,
  definition: SurveyDefinition,
  communityId: string | null,
): Promise<string> {
  const id = newId();
  const versionId = newId();
  const { actor } = ctx;
  await ctx.db.execute(sql`
    insert into surveys (id, org_id, title, community_id, created_by)
    values (${id}, ${actor.orgId}, ${definition.title.en}, ${communityId}, ${actor.id})`);
  await ctx.db.execute(sql`
    insert into survey_versions (id, survey_id, org_id, number, definition, created_by)
    values (${versionId}, ${id}, ${actor.orgId}, 1, ${JSON.stringify(definition)}::jsonb, ${actor.id})`);
  await ctx.db.execute(sql`update surveys set current_version_id = ${versionId} where id = ${id}`);
  return id;
}

/** A new survey of the district's library or of a community. Runs in the caller's transaction (sendCreated). */
export async function createSurvey(ctx: ServiceContext, input: SurveyInputBody): Promise<Survey> {
  const { communityId } = input;
  await checkPlace(ctx, communityId);
  const definition = parseDefinition(input.definition);
  const id = await insertSurvey(ctx, definition, communityId);
  await audit(ctx.db, ctx, "survey.created", id, { title: definition.title.en, communityId });
  return readSurvey(ctx, id);
}

/** A copy of any survey the caller may read (a built-in included), editable where they put it. */
export async function copySurvey(ctx: ServiceContext, id: string, input: SurveyCopyInput): Promise<Survey> {
  const communityId = input.communityId ?? null;
  const { row } = await loadReadableSurvey(ctx.db, ctx.actor, id, { definition: true });
  await checkPlace(ctx, communityId);
  const original = row.definition as SurveyDefinition;
  const definition = input.title ? { ...original, title: { ...original.title, en: input.title } } : original;
  const copy = await insertSurvey(ctx, definition, communityId);
  await audit(ctx.db, ctx, "survey.created", copy, {
    title: definition.title.en,
    communityId,
    copiedFrom: { id, title: row.title, version: row.version_number },
  });
  return readSurvey(ctx, copy);
}

/**
 * Saves an edit: replaces the current version while nobody has answered it, otherwise adds a version
 * (shared/surveys/versioning.ts). The survey row and its current version are locked, so two saves take
 * turns; a new response's foreign key takes a key-share lock on the version row, so a first response
 * either commits before the count (and the edit becomes a new version) or waits for the edit.
 */
export async function editSurvey(ctx: ServiceContext, id: string, input: SurveyEditBody): Promise<Survey> {
  const { version } = input;
  return ctx.db.transaction(async (tx) => {
    const { row, access } = await loadReadableSurvey(tx, ctx.actor, id, {
      definition: true,
      forUpdate: true,
    });
    if (!canEditSurvey(access)) throw refusal(row.builtin_key !== null, row.archived);
    if (row.version !== version) throw stale();
    const next = parseDefinition(input.definition);
    await tx.execute(sql`select 1 from survey_versions where id = ${row.current_version_id} for update`);
    const answered = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from survey_responses where survey_version_id = ${row.current_version_id}`);
    const others = await tx.execute<{ number: number; definition: SurveyDefinition }>(sql`
      select number, definition from survey_versions
      where survey_id = ${id} and id <> ${row.current_version_id}`);
    const plan = planEdit({
      current: {
        number: row.version_number,
        definition: row.definition as SurveyDefinition,
        hasResponses: (answered.rows[0]?.n ?? 0) > 0,
      },
      others: others.rows,
      next,
    });
    if (plan.action === "unchanged") return readSurvey({ ...ctx, db: tx }, id);
    const json = JSON.stringify(plan.definition);
    if (plan.action === "replace") {
      await tx.execute(sql`
        update survey_versions set definition = ${json}::jsonb where id = ${row.current_version_id}`);
    } else {
      const versionId = newId();
      await tx.execute(sql`
        insert into survey_versions (id, survey_id, org_id, number, definition, created_by)
        values (${versionId}, ${id}, ${ctx.actor.orgId}, ${plan.number}, ${json}::jsonb, ${ctx.actor.id})`);
      await tx.execute(sql`update surveys set current_version_id = ${versionId} where id = ${id}`);
    }
    await tx.execute(sql`
      update surveys set title = ${plan.definition.title.en}, version = version + 1, updated_at = now()
      where id = ${id}`);
    await audit(tx, ctx, "survey.edited", id, {
      title: plan.definition.title.en,
      versionNumber: plan.action === "replace" ? row.version_number : plan.number,
      newVersion: plan.action === "new_version",
      renamed: plan.renamed,
    });
    return { ...(await readSurvey({ ...ctx, db: tx }, id)), renamed: plan.renamed };
  });
}

/** Takes a survey out of the library; its administrations and their results stay. */
export async function archiveSurvey(ctx: ServiceContext, id: string, version: number): Promise<Survey> {
  return ctx.db.transaction(async (tx) => {
    const { row, access } = await loadReadableSurvey(tx, ctx.actor, id, { forUpdate: true });
    if (!canEditSurvey(access)) throw refusal(row.builtin_key !== null, row.archived);
    if (row.version !== version) throw stale();
    await tx.execute(sql`
      update surveys set archived_at = now(), version = version + 1, updated_at = now() where id = ${id}`);
    await audit(tx, ctx, "survey.archived", id, { title: row.title });
    return readSurvey({ ...ctx, db: tx }, id);
  });
}

function refusal(builtin: boolean, archived: boolean) {
  if (builtin)
    return forbidden("Built-in surveys cannot be changed. Make a copy to adapt it to your community.");
  if (archived) return conflict("This survey is archived: it can no longer change.");
  return forbidden("Only those who keep this survey's library can change it.");
}

const stale = () =>
  conflict(
    "Someone saved this survey after you opened it. Reload it to see their changes, then make yours again.",
    "version",
  );

async function audit(
  db: Executor,
  ctx: ServiceContext,
  action: "survey.created" | "survey.edited" | "survey.archived",
  subjectId: string,
  details: Record<string, unknown>,
) {
  await recordAudit(db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "survey",
    subjectId,
    details,
    ip: ctx.ip,
  });
}
