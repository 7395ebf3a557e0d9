import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Me, Person, PersonAdminUpdate, ProfileUpdate } from "../../../shared/schemas/people.ts";
import type { Executor } from "../../db/client.ts";
import { organizations, people, personSchools, sessions } from "../../db/schema/index.ts";
import { forgetPerson } from "../../http/auth/session-cache.ts";
import { conflict, forbidden, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { containsPattern } from "../../lib/like.ts";
import { recordAudit } from "../audit/record.ts";
import { checkSchoolsInOrg } from "../schools/check.ts";
import { orgPolicy } from "./policy.ts";

type PersonRow = typeof people.$inferSelect;

async function schoolIdsOf(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db.select().from(personSchools).where(inArray(personSchools.personId, ids));
  for (const row of rows) map.set(row.personId, [...(map.get(row.personId) ?? []), row.schoolId]);
  return map;
}

function present(row: PersonRow, schoolIds: string[]): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    pronouns: row.pronouns,
    title: row.title,
    orgRole: row.orgRole,
    status: row.status,
    schoolIds,
    subjects: row.subjects,
    gradeBands: row.gradeBands,
    interests: row.interests,
    timeZone: row.timeZone,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
  };
}

async function loadPerson(db: Executor, orgId: string, id: string): Promise<Person> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.id, id), eq(people.orgId, orgId)));
  if (!row) throw notFound("This person");
  return present(row, (await schoolIdsOf(db, [id])).get(id) ?? []);
}

/** The signed-in person, their district and what they may do there. */
export async function getMe(ctx: ServiceContext): Promise<Me> {
  const [person, [org]] = await Promise.all([
    loadPerson(ctx.db, ctx.actor.orgId, ctx.actor.id),
    ctx.db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, ctx.actor.orgId)),
  ]);
  if (!org) throw notFound("Your organization");
  return {
    person,
    organization: org,
    can: {
      manageOrganization: orgPolicy.manageOrganization(ctx.actor),
      createCommunity: orgPolicy.createCommunity(ctx.actor),
      readAudit: orgPolicy.readAudit(ctx.actor),
      readOutbox: orgPolicy.readOutbox(ctx.actor),
    },
  };
}

/** Saves the signed-in person's own profile. */
export async function updateProfile(ctx: ServiceContext, input: ProfileUpdate): Promise<Person> {
  const person = await ctx.db.transaction(async (tx) => {
    const { schoolIds, ...profile } = input;
    if (schoolIds && !orgPolicy.chooseOwnSchools(ctx.actor)) {
      const current = (await schoolIdsOf(tx, [ctx.actor.id])).get(ctx.actor.id) ?? [];
      if (!sameSet(schoolIds, current))
        throw forbidden("Your district administrator sets the schools you lead.", "schoolIds");
    }
    await tx
      .update(people)
      .set({ ...profile, updatedAt: sql`now()` })
      .where(eq(people.id, ctx.actor.id));
    if (schoolIds) {
      await checkSchoolsInOrg(tx, ctx.actor.orgId, schoolIds);
      await replaceSchools(tx, ctx.actor.orgId, ctx.actor.id, schoolIds);
    }
    return loadPerson(tx, ctx.actor.orgId, ctx.actor.id);
  });
  // The cached session carries the name (used in audit entries and invitation mail) and schools.
  forgetPerson(ctx.actor.id);
  return person;
}

/** The district's people (administrators and school leaders). */
export async function listPeople(
  ctx: ServiceContext,
  query: { q?: string | undefined; status?: "active" | "deactivated" | undefined },
) {
  if (!orgPolicy.readPeople(ctx.actor))
    throw forbidden("Only administrators and school leaders can see the district's people.");
  const like = query.q ? containsPattern(query.q) : null;
  const rows = await ctx.db
    .select()
    .from(people)
    .where(
      and(
        eq(people.orgId, ctx.actor.orgId),
        query.status ? eq(people.status, query.status) : undefined,
        like ? or(ilike(people.name, like), ilike(people.email, like)) : undefined,
      ),
    )
    .orderBy(asc(people.name))
    .limit(500);
  const schools = await schoolIdsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, schools.get(r.id) ?? []));
}

/** An administrator changes a person's district role, schools or status. */
export async function adminUpdatePerson(
  ctx: ServiceContext,
  id: string,
  input: PersonAdminUpdate,
): Promise<Person> {
  if (!orgPolicy.manageOrganization(ctx.actor))
    throw forbidden("Only district administrators can change people's roles.");
  const person = await ctx.db.transaction(async (tx) => {
    const before = await loadPerson(tx, ctx.actor.orgId, id);
    const audit = (action: Parameters<typeof recordAudit>[1]["action"], details: Record<string, unknown>) =>
      recordAudit(tx, {
        orgId: ctx.actor.orgId,
        actorId: ctx.actor.id,
        action,
        subjectType: "person",
        subjectId: id,
        details: { person: before.name, ...details },
        ip: ctx.ip,
      });
    if (
      id === ctx.actor.id &&
      (input.status === "deactivated" || (input.orgRole && input.orgRole !== "administrator"))
    ) {
      throw conflict(
        "You cannot deactivate yourself or give up your own administrator role; ask another administrator.",
        input.status ? "status" : "orgRole",
      );
    }
    if (input.orgRole && input.orgRole !== before.orgRole) {
      await tx.update(people).set({ orgRole: input.orgRole, updatedAt: sql`now()` }).where(eq(people.id, id));
      await audit("person.role_changed", { from: before.orgRole, to: input.orgRole });
    }
    if (input.schoolIds) {
      await checkSchoolsInOrg(tx, ctx.actor.orgId, input.schoolIds);
      await replaceSchools(tx, ctx.actor.orgId, id, input.schoolIds);
      await audit("person.schools_changed", { schoolIds: input.schoolIds });
    }
    if (input.status && input.status !== before.status) {
      await tx.update(people).set({ status: input.status, updatedAt: sql`now()` }).where(eq(people.id, id));
      // Deactivation ends every session at once; contributions stay.
      if (input.status === "deactivated") await tx.delete(sessions).where(eq(sessions.userId, id));
      await audit(input.status === "deactivated" ? "person.deactivated" : "person.reactivated", {});
    }
    return loadPerson(tx, ctx.actor.orgId, id);
  });
  // Cached sessions carry the role, schools and status: drop them now the change is saved, so it
  // applies to the person's next request (dropped before the commit, a request in between re-cached them).
  forgetPerson(id);
  return person;
}

const sameSet = (a: string[], b: string[]) =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

async function replaceSchools(db: Executor, orgId: string, personId: string, schoolIds: string[]) {
  await db.delete(personSchools).where(eq(personSchools.personId, personId));
  const unique = [...new Set(schoolIds)];
  if (unique.length > 0)
    await db.insert(personSchools).values(unique.map((schoolId) => ({ orgId, personId, schoolId })));
}
