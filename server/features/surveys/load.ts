import { type SQL, sql } from "drizzle-orm";
import type { SurveyKind, SurveyPlaces, SurveySummary } from "../../../shared/schemas/surveys.ts";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { forbidden, notFound } from "../../http/errors.ts";
import { type CommunityRelation, canReadSurvey, isEducator, type SurveyAccess, surveyCan } from "./policy.ts";

export type SurveyRow = {
  id: string;
  org_id: string | null;
  builtin_key: string | null;
  title: string;
  community_id: string | null;
  community_name: string | null;
  community_archived: boolean | null;
  member_role: string | null;
  member_status: string | null;
  leads_its_school: boolean;
  archived: boolean;
  version: number;
  updated_at: string;
  current_version_id: string;
  version_number: number;
  question_count: number;
  section_count: number;
  definition?: SurveyDefinition;
};

const schoolIds = (actor: Actor) => sql`string_to_array(${actor.schoolIds.join(",")}, ',')::uuid[]`;

/**
 * Surveys of the library visible to the actor's organization (built-ins have none), with the actor's
 * relation to the community that wrote each. `where` narrows further; the policy then judges each row.
 */
export async function querySurveys(
  db: Executor,
  actor: Actor,
  where: SQL,
  options: { definition?: boolean; forUpdate?: boolean } = {},
): Promise<SurveyRow[]> {
  const result = await db.execute<SurveyRow>(sql`
    select s.id, s.org_id, s.builtin_key, s.title, s.community_id, c.name as community_name,
      c.archived_at is not null as community_archived, m.role as member_role, m.status as member_status,
      exists (select 1 from community_schools cs where cs.community_id = s.community_id
        and cs.school_id = any(${schoolIds(actor)})) as leads_its_school,
      s.archived_at is not null as archived, s.version,
      to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at,
      s.current_version_id, v.number as version_number,
      (select count(*)::int from jsonb_array_elements(v.definition -> 'sections') sec,
        jsonb_array_elements(sec -> 'questions')) as question_count,
      jsonb_array_length(v.definition -> 'sections') as section_count
      ${options.definition ? sql`, v.definition` : sql``}
    from surveys s
    join survey_versions v on v.id = s.current_version_id
    left join communities c on c.id = s.community_id
    left join memberships m on m.community_id = s.community_id and m.person_id = ${actor.id}
    where (s.org_id is null or s.org_id = ${actor.orgId}) and ${where}
    order by s.builtin_key is null, lower(s.title), s.id
    ${options.forUpdate ? sql`for update of s` : sql``}`);
  return result.rows;
}

export const kindOf = (r: Pick<SurveyRow, "builtin_key" | "community_id">): SurveyKind =>
  r.builtin_key ? "builtin" : r.community_id ? "community" : "district";

function relationOf(r: SurveyRow): CommunityRelation | null {
  if (!r.community_id) return null;
  return {
    archived: r.community_archived === true,
    role: r.member_role,
    status: r.member_status,
    leadsItsSchool: r.leads_its_school,
  };
}

export const accessOf = (actor: Actor, r: SurveyRow, places: SurveyPlaces): SurveyAccess => ({
  actor,
  kind: kindOf(r),
  archived: r.archived,
  community: relationOf(r),
  facilitatesAny: places.communities.length > 0,
});

const canCreateIn = (places: SurveyPlaces) => places.district || places.communities.length > 0;

export function presentSummary(actor: Actor, r: SurveyRow, places: SurveyPlaces): SurveySummary {
  return {
    id: r.id,
    title: r.title,
    kind: kindOf(r),
    builtinKey: r.builtin_key,
    community: r.community_id ? { id: r.community_id, name: r.community_name ?? "" } : null,
    questionCount: r.question_count,
    sectionCount: r.section_count,
    versionNumber: r.version_number,
    updatedAt: r.updated_at,
    can: surveyCan(accessOf(actor, r, places), canCreateIn(places)),
  };
}

/**
 * Where the actor may put a new survey: the district's library (administrators, school leaders) and the
 * active communities they facilitate. (Leaders may also write for their schools' communities; the list
 * offers those they facilitate, the service accepts any they manage.)
 */
export async function placesFor(db: Executor, actor: Actor): Promise<SurveyPlaces> {
  if (!isEducator(actor)) return { district: false, communities: [] };
  const result = await db.execute<{ id: string; name: string }>(sql`
    select c.id, c.name from memberships m join communities c on c.id = m.community_id
    where m.person_id = ${actor.id} and m.org_id = ${actor.orgId} and m.role = 'facilitator'
      and m.status = 'active' and c.archived_at is null
    order by lower(c.name), c.id`);
  return {
    district: actor.orgRole === "administrator" || actor.orgRole === "school_leader",
    communities: result.rows,
  };
}

/**
 * One survey the actor may read, or 404 (another district's, or a community's they do not belong to).
 * Partners are told plainly the library is not for them. Other features may use it to check a survey.
 */
export async function loadReadableSurvey(
  db: Executor,
  actor: Actor,
  id: string,
  options: { definition?: boolean; forUpdate?: boolean } = {},
): Promise<{ row: SurveyRow; places: SurveyPlaces; access: SurveyAccess }> {
  const [row] = await querySurveys(db, actor, sql`s.id = ${id}`, options);
  if (!row) throw notFound("This survey");
  if (!isEducator(actor)) throw forbidden("Surveys are for the district's educators and leaders.");
  const places = await placesFor(db, actor);
  const access = accessOf(actor, row, places);
  if (!canReadSurvey(access)) throw notFound("This survey");
  return { row, places, access };
}
