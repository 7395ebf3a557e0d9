import { and, asc, eq, sql } from "drizzle-orm";
import type { School, SchoolInput } from "../../../shared/schemas/schools.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { schools } from "../../db/schema/index.ts";
import { conflict, forbidden, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { orgPolicy } from "../people/policy.ts";

/** The district's schools with head counts and leaders; everyone in the district may read them. */
export async function listSchools(ctx: ServiceContext): Promise<School[]> {
  // Drizzle renders `${schools.id}` as a bare "id" in a one-table select; inside these subqueries that
  // would mean people.id, so the outer column is named in full.
  const schoolId = sql.raw(`"schools"."id"`);
  const rows = await ctx.db
    .select({
      id: schools.id,
      name: schools.name,
      archivedAt: schools.archivedAt,
      memberCount: sql<number>`(select count(*)::int from person_schools ps join people p on p.id = ps.person_id where ps.school_id = ${schoolId} and p.status = 'active')`,
      leaderNames: sql<
        string[]
      >`coalesce((select array_agg(p.name order by p.name) from person_schools ps join people p on p.id = ps.person_id where ps.school_id = ${schoolId} and p.org_role = 'school_leader' and p.status = 'active'), '{}')`,
    })
    .from(schools)
    .where(eq(schools.orgId, ctx.actor.orgId))
    .orderBy(asc(schools.name));
  return rows.map(({ archivedAt, ...r }) => ({ ...r, archived: archivedAt !== null }));
}

export async function createSchool(ctx: ServiceContext, input: SchoolInput): Promise<School> {
  if (!orgPolicy.manageOrganization(ctx.actor))
    throw forbidden("Only district administrators can add schools.");
  await requireUniqueName(ctx, input.name, null);
  const id = newId();
  await uniquely(ctx.db.insert(schools).values({ id, orgId: ctx.actor.orgId, name: input.name }));
  return { id, name: input.name, memberCount: 0, leaderNames: [], archived: false };
}

export async function renameSchool(ctx: ServiceContext, id: string, input: SchoolInput): Promise<School> {
  if (!orgPolicy.manageOrganization(ctx.actor))
    throw forbidden("Only district administrators can rename schools.");
  await requireUniqueName(ctx, input.name, id);
  const updated = await uniquely(
    ctx.db
      .update(schools)
      .set({ name: input.name })
      .where(and(eq(schools.id, id), eq(schools.orgId, ctx.actor.orgId)))
      .returning({ id: schools.id }),
  );
  if (updated.length === 0) throw notFound("This school");
  const found = (await listSchools(ctx)).find((s) => s.id === id);
  if (!found) throw notFound("This school");
  return found;
}

async function requireUniqueName(ctx: ServiceContext, name: string, exceptId: string | null) {
  const [clash] = await ctx.db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.orgId, ctx.actor.orgId), sql`lower(${schools.name}) = lower(${name})`));
  if (clash && clash.id !== exceptId) throw duplicateName();
}

const duplicateName = () => conflict("Your district already has a school with this name.", "name");

/** The check above answers most clashes kindly; two at the same moment meet the unique index here. */
async function uniquely<T>(write: PromiseLike<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error, "schools_org_name_unique")) throw duplicateName();
    throw error;
  }
}
