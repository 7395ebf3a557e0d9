import { type SQL, sql } from "drizzle-orm";
import type { ExemplarQuery } from "../../../shared/schemas/exemplars.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { decodeCursor, encodeCursor } from "../notifications/cursor.ts";
import { presentExemplar, queryExemplars } from "./load.ts";
import { canBrowseLibrary } from "./policy.ts";

const sortAt = sql`coalesce(e.reviewed_at, e.created_at)`;

/**
 * The library (approved exemplars across the district, newest approval first) or, with
 * status=nominated, the nominations the caller may review. Filtering happens in the query.
 */
export async function listExemplars(ctx: ServiceContext, query: ExemplarQuery) {
  const { actor } = ctx;
  if (!canBrowseLibrary(actor))
    throw forbidden("The exemplar library is for the district's educators and leaders.");
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where = sql.join(
    [
      sql`a.archived_at is null`,
      query.status === "approved" ? sql`e.status = 'approved'` : reviewable(actor),
      ...filters(query),
      ...(after ? [sql`(${sortAt}, e.id) < (${after.at}::timestamptz, ${after.id}::uuid)`] : []),
    ],
    sql` and `,
  );
  const rows = await queryExemplars(ctx.db, actor.orgId, where, {
    orderBy: sql`${sortAt} desc, e.id desc`,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentExemplar),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.sort_at, last.id) : null,
  };
}

/** Nominations the actor may review: the policy's canReview, as a query (never their own). */
function reviewable(actor: Actor): SQL {
  const leads =
    actor.orgRole === "administrator"
      ? sql`true`
      : actor.orgRole === "school_leader" && actor.schoolIds.length > 0
        ? sql`exists (select 1 from community_schools cs where cs.community_id = a.community_id
            and cs.school_id = any(string_to_array(${actor.schoolIds.join(",")}, ',')::uuid[]))`
        : sql`false`;
  return sql`e.status = 'nominated' and e.nominated_by <> ${actor.id} and a.owner_id <> ${actor.id}
    and a.community_id is not null
    and (${leads} or exists (select 1 from memberships m where m.community_id = a.community_id
      and m.person_id = ${actor.id} and m.role = 'facilitator' and m.status = 'active'))`;
}

/** Subject, grade band, standard and topic match a tag of the work, ignoring case. */
function filters(query: ExemplarQuery): SQL[] {
  const tag = (column: string, value: string | undefined) =>
    value
      ? [sql`exists (select 1 from unnest(${sql.raw(column)}) as v where lower(v) = lower(${value}))`]
      : [];
  return [
    ...tag("a.subjects", query.subject),
    ...tag("a.grade_bands", query.gradeBand),
    ...tag("a.standards", query.standard),
    ...tag("a.topics", query.topic),
    ...(query.kind ? [sql`a.kind = ${query.kind}`] : []),
  ];
}
