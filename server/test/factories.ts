import { hashPassword } from "better-auth/crypto";
import { and, eq, sql } from "drizzle-orm";
import type { CommunityRole } from "../../shared/schemas/communities.ts";
import type { OrgRole } from "../../shared/schemas/people.ts";
import type { Db } from "../db/client.ts";
import {
  accounts,
  communities,
  communitySchools,
  invitations,
  memberships,
  organizations,
  people,
  personSchools,
  schools,
} from "../db/schema/index.ts";
import { DEMO_PASSWORD } from "../db/seed/demo-data.ts";
import { hashToken, newId, newToken } from "../lib/ids.ts";

/**
 * Factories write fixtures straight into a test's own database: quick, and independent of the routes
 * under test. Each returns the ids a test needs.
 */

let counter = 0;
/** A name no other fixture of this run has. */
export const unique = (prefix: string) => `${prefix} ${process.pid}-${++counter}`;

export async function orgId(db: Db, slug: "riverside" | "lakeside"): Promise<string> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!row) throw new Error(`no organization ${slug}`);
  return row.id;
}

export async function schoolId(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, name));
  if (!row) throw new Error(`no school ${name}`);
  return row.id;
}

export async function personIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.email, email));
  if (!row) throw new Error(`no person ${email}`);
  return row.id;
}

export type NewPerson = {
  orgId: string;
  email?: string;
  name?: string;
  orgRole?: OrgRole;
  schoolIds?: string[];
  /** Give the person a password (the demo one by default) so a test can sign in as them. */
  canSignIn?: boolean;
};

/** A person of a district; only those who must sign in get a (slow to hash) password. */
export async function createPerson(db: Db, p: NewPerson): Promise<{ id: string; email: string }> {
  const id = newId();
  const email = p.email ?? `${unique("person").replace(/\W+/g, "-")}@factory.example`;
  await db.insert(people).values({
    id,
    orgId: p.orgId,
    email,
    emailVerified: true,
    name: p.name ?? unique("Person"),
    orgRole: p.orgRole ?? "educator",
  });
  if (p.canSignIn) {
    await db.insert(accounts).values({
      id: newId(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: await hashPassword(DEMO_PASSWORD),
    });
  }
  if (p.schoolIds?.length) {
    await db
      .insert(personSchools)
      .values(p.schoolIds.map((schoolId) => ({ orgId: p.orgId, personId: id, schoolId })));
  }
  return { id, email };
}

export type NewCommunity = {
  orgId: string;
  name?: string;
  visibility: "private" | "organization";
  schoolIds?: string[];
  members?: [personId: string, role: CommunityRole, status?: "active" | "requested" | "left"][];
  archived?: boolean;
};

export async function createCommunity(db: Db, c: NewCommunity): Promise<{ id: string; name: string }> {
  const id = newId();
  const name = c.name ?? unique("Community");
  await db.insert(communities).values({
    id,
    orgId: c.orgId,
    name,
    kind: "community_of_practice",
    purpose: "A fixture community.",
    visibility: c.visibility,
    archivedAt: c.archived ? sql`now()` : null,
  });
  if (c.schoolIds?.length) {
    await db
      .insert(communitySchools)
      .values(c.schoolIds.map((schoolId) => ({ orgId: c.orgId, communityId: id, schoolId })));
  }
  if (c.members?.length) {
    await db.insert(memberships).values(
      c.members.map(([personId, role, status = "active"]) => ({
        orgId: c.orgId,
        communityId: id,
        personId,
        role,
        status,
      })),
    );
  }
  return { id, name };
}

export type NewInvitation = {
  orgId: string;
  invitedBy: string;
  email: string;
  communityId?: string;
  communityRole?: CommunityRole;
  orgRole?: OrgRole;
  schoolIds?: string[];
};

/** A pending invitation and the token its mail would carry. */
export async function createInvitation(db: Db, i: NewInvitation): Promise<{ id: string; token: string }> {
  const id = newId();
  const token = newToken();
  await db.insert(invitations).values({
    id,
    orgId: i.orgId,
    email: i.email,
    communityId: i.communityId ?? null,
    communityRole: i.communityId ? (i.communityRole ?? "member") : null,
    orgRole: i.orgRole ?? "educator",
    schoolIds: i.schoolIds ?? [],
    tokenHash: hashToken(token),
    invitedBy: i.invitedBy,
    expiresAt: sql`now() + interval '14 days'`,
  });
  return { id, token };
}

/** The membership of a person in a community as stored, or null. */
export async function membershipOf(db: Db, communityId: string, personId: string) {
  const [row] = await db
    .select({ role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
  return row ?? null;
}

/** Puts a person into an existing community (same district) with a role and status. */
export async function addMember(
  db: Db,
  communityId: string,
  personId: string,
  role: CommunityRole,
  status: "active" | "requested" | "left" = "active",
): Promise<void> {
  const [community] = await db
    .select({ orgId: communities.orgId })
    .from(communities)
    .where(eq(communities.id, communityId));
  if (!community) throw new Error(`no community ${communityId}`);
  await db.insert(memberships).values({ orgId: community.orgId, communityId, personId, role, status });
}
