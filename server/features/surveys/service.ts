import { sql } from "drizzle-orm";
import type { Survey, SurveyList } from "../../../shared/schemas/surveys.ts";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import type { Executor } from "../../db/client.ts";
import { forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadReadableSurvey, placesFor, presentSummary, querySurveys } from "./load.ts";
import { isEducator } from "./policy.ts";

/**
 * The library: the built-ins, the district's own surveys and those of the communities the reader belongs
 * to or oversees; archived ones are left out. Visibility is decided in the query, as the policy says.
 */
export async function listSurveys(ctx: ServiceContext): Promise<SurveyList> {
  const { actor } = ctx;
  if (!isEducator(actor)) throw forbidden("Surveys are for the district's educators and leaders.");
  const leads =
    actor.orgRole === "administrator"
      ? sql`true`
      : actor.orgRole === "school_leader"
        ? sql`exists (select 1 from community_schools cs where cs.community_id = s.community_id
            and cs.school_id = any(string_to_array(${actor.schoolIds.join(",")}, ',')::uuid[]))`
        : sql`false`;
  const rows = await querySurveys(
    ctx.db,
    actor,
    sql`s.archived_at is null and (s.community_id is null or ${leads}
      or (m.status = 'active' and m.role <> 'partner'))`,
  );
  const places = await placesFor(ctx.db, actor);
  return {
    items: rows.map((r) => presentSummary(actor, r, places)),
    can: { create: places.district || places.communities.length > 0 },
    places,
  };
}

type VersionRow = { id: string; number: number; created_at: string; responses: number };

/** Each version, newest first, with how many responses (drafts included) answered it. */
async function versionsOf(db: Executor, surveyId: string) {
  const result = await db.execute<VersionRow>(sql`
    select v.id, v.number,
      to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
      (select count(*)::int from survey_responses r where r.survey_version_id = v.id) as responses
    from survey_versions v where v.survey_id = ${surveyId}
    order by v.number desc`);
  return result.rows.map((v) => ({
    id: v.id,
    number: v.number,
    createdAt: v.created_at,
    responses: v.responses,
  }));
}

/** One survey: its current questions in full, its versions, what the reader may do with it. */
export async function readSurvey(ctx: ServiceContext, id: string): Promise<Survey> {
  const { row, places } = await loadReadableSurvey(ctx.db, ctx.actor, id, { definition: true });
  const versions = await versionsOf(ctx.db, id);
  const current = versions.find((v) => v.id === row.current_version_id);
  return {
    ...presentSummary(ctx.actor, row, places),
    definition: row.definition as SurveyDefinition,
    currentVersionId: row.current_version_id,
    versions,
    hasResponses: (current?.responses ?? 0) > 0,
    archived: row.archived,
    version: row.version,
  };
}
