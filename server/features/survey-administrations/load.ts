import { type SQL, sql } from "drizzle-orm";
import type {
  AdministrationStatus,
  AdministrationSummary,
} from "../../../shared/schemas/survey-administrations.ts";
import type { AudienceKind } from "../../../shared/surveys/definition.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { notFound } from "../../http/errors.ts";
import { type AdministrationAccess, canReadAdministration } from "./policy.ts";
import { unlinkIfClosed } from "./unlink.ts";

export type AdministrationRow = {
  id: string;
  title: string;
  survey_id: string;
  survey_title: string;
  builtin_key: string | null;
  survey_version_id: string;
  version_number: number;
  audience: AudienceKind;
  community_id: string | null;
  community_name: string | null;
  school_id: string | null;
  school_name: string | null;
  anonymous: boolean;
  minimum_responses: number;
  opens_at: string | Date;
  closes_at: string | Date;
  closed_early_at: string | Date | null;
  reminded_at: string | Date | null;
  unlinked_at: string | Date | null;
  created_by: string;
  sender_name: string;
  version: number;
  recipients: number;
  submitted: number;
  is_recipient: boolean;
  community_role: string | null;
};

export const iso = (d: string | Date) => new Date(d).toISOString();

/** Administrations with their counts and the actor's relation to each; newest closing first. */
export async function queryAdministrations(
  db: Executor,
  actor: Actor,
  where: SQL,
  forUpdate = false,
): Promise<AdministrationRow[]> {
  const result = await db.execute<AdministrationRow>(sql`
    select a.id, a.title, a.survey_id, s.title as survey_title, s.builtin_key, a.survey_version_id,
      v.number as version_number, a.audience, a.community_id, c.name as community_name, a.school_id,
      sc.name as school_name, a.anonymous, a.minimum_responses, a.opens_at, a.closes_at, a.closed_early_at,
      a.reminded_at, a.unlinked_at, a.created_by, p.name as sender_name, a.version,
      (select count(*)::int from survey_recipients r where r.administration_id = a.id) as recipients,
      (select count(*)::int from survey_responses x
        where x.administration_id = a.id and x.submitted_at is not null) as submitted,
      exists (select 1 from survey_recipients r
        where r.administration_id = a.id and r.person_id = ${actor.id}) as is_recipient,
      (select m.role from memberships m where m.community_id = a.community_id
        and m.person_id = ${actor.id} and m.status = 'active') as community_role
    from survey_administrations a
      join surveys s on s.id = a.survey_id
      join survey_versions v on v.id = a.survey_version_id
      join people p on p.id = a.created_by
      left join communities c on c.id = a.community_id
      left join schools sc on sc.id = a.school_id
    where a.org_id = ${actor.orgId} and ${where}
    order by a.closes_at desc, a.id
    limit 200
    ${forUpdate ? sql`for update of a` : sql``}`);
  return result.rows;
}

export const accessOf = (actor: Actor, row: AdministrationRow): AdministrationAccess => ({
  actor,
  createdBy: row.created_by,
  audience: row.audience,
  schoolId: row.school_id,
  isRecipient: row.is_recipient,
  communityRole: row.community_role,
});

export function statusOf(row: Pick<AdministrationRow, "opens_at" | "closes_at">, now = new Date()) {
  const status: AdministrationStatus =
    now < new Date(row.opens_at) ? "upcoming" : now < new Date(row.closes_at) ? "open" : "closed";
  return status;
}

/**
 * One administration the actor may read (404 otherwise). An anonymous one that has closed is unlinked
 * first, so nothing read after its closing can tie a response to a person.
 */
export async function loadAdministration(db: Executor, actor: Actor, id: string, forUpdate = false) {
  let [row] = await queryAdministrations(db, actor, sql`a.id = ${id}`, forUpdate);
  if (!row) throw notFound("This survey");
  const access = accessOf(actor, row);
  if (!canReadAdministration(access)) throw notFound("This survey");
  if (row.anonymous && !row.unlinked_at && statusOf(row) === "closed") {
    await unlinkIfClosed(db, id);
    [row] = await queryAdministrations(db, actor, sql`a.id = ${id}`, forUpdate);
    if (!row) throw notFound("This survey");
  }
  return { row, access };
}

export const presentSummary = (row: AdministrationRow): AdministrationSummary => ({
  id: row.id,
  title: row.title,
  survey: { id: row.survey_id, title: row.survey_title, builtinKey: row.builtin_key },
  audience: row.audience,
  community: row.community_id ? { id: row.community_id, name: row.community_name ?? "" } : null,
  school: row.school_id ? { id: row.school_id, name: row.school_name ?? "" } : null,
  anonymous: row.anonymous,
  minimumResponses: row.minimum_responses,
  opensAt: iso(row.opens_at),
  closesAt: iso(row.closes_at),
  closedEarly: row.closed_early_at !== null,
  status: statusOf(row),
  sentBy: { id: row.created_by, name: row.sender_name },
  recipients: row.recipients,
  submitted: row.submitted,
});
