import { sql } from "drizzle-orm";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { forbidden, notFound } from "../../http/errors.ts";
import { loadCommunity } from "../communities/load.ts";
import { type AdministrationAccess, canReadResults, knowsOf, READERS_ONLY } from "./policy.ts";

export type AdministrationRow = {
  id: string;
  survey_id: string;
  survey_version_id: string;
  title: string;
  audience: "community" | "school" | "district";
  community_id: string | null;
  community_name: string | null;
  school_id: string | null;
  anonymous: boolean;
  minimum_responses: number;
  opens_at: Date;
  closes_at: Date;
  created_by: string;
  definition: SurveyDefinition;
  builtin_key: string | null;
  recipient: boolean;
};

export type LoadedAdministration = { row: AdministrationRow; access: AdministrationAccess };

/** The administration with the version it asks now, scoped to the actor's district (else null). */
async function queryAdministration(db: Executor, actor: Actor, id: string, forUpdate: boolean) {
  const result = await db.execute<AdministrationRow>(sql`
    select a.id, a.survey_id, a.survey_version_id, a.title, a.audience, a.community_id, c.name as community_name,
      a.school_id, a.anonymous, a.minimum_responses, a.opens_at, a.closes_at, a.created_by, v.definition,
      s.builtin_key,
      exists (select 1 from survey_recipients r where r.administration_id = a.id and r.person_id = ${actor.id})
        as recipient
    from survey_administrations a
    join survey_versions v on v.id = a.survey_version_id
    join surveys s on s.id = a.survey_id
    left join communities c on c.id = a.community_id
    where a.id = ${id} and a.org_id = ${actor.orgId}
    ${forUpdate ? sql`for update of a` : sql``}`);
  return result.rows[0] ?? null;
}

export async function accessTo(db: Executor, actor: Actor, row: AdministrationRow) {
  const community = row.community_id
    ? await loadCommunity(db, actor, row.community_id).then(
        (c) => c.access,
        () => null,
      )
    : null;
  return {
    actor,
    audience: row.audience,
    schoolId: row.school_id,
    createdBy: row.created_by,
    recipient: row.recipient,
    community,
  } satisfies AdministrationAccess;
}

/**
 * An administration whose results the actor may read: 404 when it is another district's, does not
 * exist, or the actor does not know of it; 403 (saying who reads them) when they know of it but may not.
 */
export async function loadForResults(
  db: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<LoadedAdministration> {
  const row = await queryAdministration(db, actor, id, forUpdate);
  if (!row) throw notFound("This survey");
  const access = await accessTo(db, actor, row);
  if (!canReadResults(access)) {
    if (knowsOf(access)) throw forbidden(READERS_ONLY[row.audience]);
    throw notFound("This survey");
  }
  return { row, access };
}
