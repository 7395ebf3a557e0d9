import { hashPassword } from "better-auth/crypto";
import { and, eq, sql } from "drizzle-orm";
import type { InvitationAccept, InvitationPreview } from "../../../shared/schemas/invitations.ts";
import type { Db, Tx } from "../../db/client.ts";
import {
  accounts,
  communities,
  invitations,
  memberships,
  organizations,
  people,
  personSchools,
} from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { conflict, forbidden, gone, invalid, notFound, unauthorized } from "../../http/errors.ts";
import { hashToken, newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { linkJoinedPerson } from "../rosters/staff.ts";
import { type InvitationRow, invitationStatus } from "./present.ts";

/** An invitation is found by its emailed token, or by id when its signed-in addressee accepts from home. */
export type InvitationKey = { token: string } | { id: string };

async function findInvitation(db: Db | Tx, key: InvitationKey, forUpdate = false) {
  const where = "token" in key ? eq(invitations.tokenHash, hashToken(key.token)) : eq(invitations.id, key.id);
  const query = db.select().from(invitations).where(where);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("This invitation");
  return row;
}

/** What an invitee sees before accepting; the token itself is the permission to see it. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const row = await findInvitation(db, { token });
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.orgId));
  const [inviter] = await db.select({ name: people.name }).from(people).where(eq(people.id, row.invitedBy));
  const [account] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.email, row.email), eq(people.orgId, row.orgId)));
  const community = row.communityId
    ? (
        await db
          .select({ id: communities.id, name: communities.name })
          .from(communities)
          .where(eq(communities.id, row.communityId))
      )[0]
    : undefined;
  return {
    email: row.email,
    name: row.name,
    organizationName: org?.name ?? "",
    invitedBy: inviter?.name ?? "",
    community: community && row.communityRole ? { ...community, role: row.communityRole } : null,
    orgRole: row.orgRole,
    expiresAt: row.expiresAt.toISOString(),
    accountExists: Boolean(account),
    status: invitationStatus(row),
  };
}

export type Accepted = {
  communityId: string | null;
  personId: string;
  email: string;
  createdAccount: boolean;
};

/**
 * Accepts an invitation. Signed in as the invited address: joins the community. Not signed in, with a
 * new address: creates the account (name + password) and joins, all in one transaction.
 */
export async function acceptInvitation(
  db: Db,
  key: InvitationKey,
  actor: Actor | null,
  input: InvitationAccept,
  ip: string | null,
): Promise<Accepted> {
  return db.transaction(async (tx) => {
    const row = await findInvitation(tx, key, true);
    if ("id" in key && (!actor || actor.email !== row.email || actor.orgId !== row.orgId))
      throw notFound("This invitation");
    const status = invitationStatus(row);
    if (status === "accepted" && actor && row.acceptedBy === actor.id) {
      return { communityId: row.communityId, personId: actor.id, email: actor.email, createdAccount: false };
    }
    if (status !== "pending") throw gone(goneMessage(status));
    const person = actor ? await asSignedIn(row, actor) : await createAccount(tx, row, input);
    if (row.communityId && row.communityRole) {
      const role =
        person.orgRole === "partner" &&
        (row.communityRole === "facilitator" || row.communityRole === "member")
          ? "partner"
          : row.communityRole;
      // Someone already active (say, made facilitator since the invitation was sent) keeps their role:
      // an old link must never demote them, nor leave the community without a facilitator.
      const joined = await tx
        .insert(memberships)
        .values({
          orgId: row.orgId,
          communityId: row.communityId,
          personId: person.id,
          role,
          status: "active",
        })
        .onConflictDoUpdate({
          target: [memberships.communityId, memberships.personId],
          set: { role, status: "active", joinedAt: sql`now()`, updatedAt: sql`now()` },
          setWhere: sql`${memberships.status} <> 'active'`,
        })
        .returning({ personId: memberships.personId });
      if (joined.length > 0)
        await recordAudit(tx, {
          orgId: row.orgId,
          actorId: person.id,
          action: "membership.joined",
          subjectType: "person",
          subjectId: person.id,
          details: { communityId: row.communityId, role, viaInvitation: row.id },
          ip,
        });
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: person.id })
      .where(eq(invitations.id, row.id));
    return { communityId: row.communityId, personId: person.id, email: row.email, createdAccount: !actor };
  });
}

function goneMessage(status: "accepted" | "expired" | "revoked") {
  if (status === "expired")
    return "This invitation has expired. Ask the person who invited you to send a new one.";
  if (status === "revoked")
    return "This invitation was withdrawn. Ask the person who invited you if you should have a new one.";
  return "This invitation has already been used. Sign in to continue.";
}

async function asSignedIn(row: InvitationRow, actor: Actor) {
  if (actor.email !== row.email || actor.orgId !== row.orgId) {
    throw forbidden(
      `This invitation was sent to ${row.email}. Sign out, then sign in with that address to accept it.`,
    );
  }
  return { id: actor.id, orgRole: actor.orgRole };
}

async function createAccount(tx: Tx, row: InvitationRow, input: InvitationAccept) {
  const [existing] = await tx.select({ orgId: people.orgId }).from(people).where(eq(people.email, row.email));
  if (existing?.orgId === row.orgId) throw unauthorized();
  if (existing)
    throw conflict(
      "This email address already has a Lamplight account elsewhere. Ask your administrator for help.",
    );
  if (!input.name) throw invalid("name", "Enter your name.");
  if (!input.password) throw invalid("password", "Choose a password of at least 10 characters.");
  const id = newId();
  await tx.insert(people).values({
    id,
    orgId: row.orgId,
    email: row.email,
    emailVerified: true, // they proved it by opening the emailed link
    name: input.name,
    orgRole: row.orgRole,
  });
  await tx.insert(accounts).values({
    id: newId(),
    accountId: id,
    providerId: "credential",
    userId: id,
    password: await hashPassword(input.password),
  });
  // Class enrollments a roster gave this email before they had an account become theirs.
  await linkJoinedPerson(tx, row.orgId, id, row.email);
  if (row.schoolIds.length > 0) {
    await tx
      .insert(personSchools)
      .values(row.schoolIds.map((schoolId) => ({ orgId: row.orgId, personId: id, schoolId })));
  }
  await recordAudit(tx, {
    orgId: row.orgId,
    actorId: id,
    action: "person.joined",
    subjectType: "person",
    subjectId: id,
    details: { role: row.orgRole, viaInvitation: row.id },
  });
  return { id, orgRole: row.orgRole };
}
