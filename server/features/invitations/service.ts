import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { CommunityInvite } from "../../../shared/schemas/communities.ts";
import type { PersonInvite } from "../../../shared/schemas/people.ts";
import { invitations, people } from "../../db/schema/index.ts";
import { conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { recordAudit } from "../audit/record.ts";
import { loadCommunity } from "../communities/load.ts";
import { canManage } from "../communities/policy.ts";
import { notify } from "../notifications/notify.ts";
import { orgPolicy } from "../people/policy.ts";
import { checkSchoolsInOrg } from "../schools/check.ts";
import { presentInvitation } from "./present.ts";
import { sendInvitation } from "./send.ts";

/** Invites someone into a community by email; a new address gets an account on acceptance. */
export async function inviteToCommunity(ctx: ServiceContext, communityId: string, input: CommunityInvite) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadCommunity(tx, ctx.actor, communityId);
    if (!canManage(loaded.access))
      throw forbidden("Only the community's facilitators and leaders can invite people.");
    if (loaded.access.archived) throw forbidden("Restore this community before inviting people.");
    const [person] = await tx
      .select({ id: people.id, orgRole: people.orgRole, status: people.status, name: people.name })
      .from(people)
      .where(and(eq(people.email, input.email), eq(people.orgId, ctx.actor.orgId)));
    if (person) {
      const member = loaded.members.find((m) => m.personId === person.id && m.status === "active");
      if (member) throw conflict(`${person.name} is already a member of this community.`, "email");
      if (person.status !== "active") throw invalid("email", `${person.name}'s account is deactivated.`);
      if (person.orgRole === "partner" && (input.role === "facilitator" || input.role === "member")) {
        throw invalid("role", "Partners join a community as a partner or an observer.");
      }
    }
    const orgRole = person?.orgRole ?? (input.role === "partner" ? "partner" : "educator");
    const invitation = await sendInvitation(tx, ctx, {
      email: input.email,
      orgRole,
      community: { id: communityId, name: loaded.row.name, role: input.role },
      message: input.message,
    });
    // Someone already in the district also hears of it in the app (their home page lists it to accept).
    if (person)
      await notify(tx, [person.id], {
        orgId: ctx.actor.orgId,
        kind: "invitation",
        actorId: ctx.actor.id,
        communityId,
        path: "/",
        data: { community: loaded.row.name, role: input.role },
      });
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "membership.invited",
      subjectType: "invitation",
      subjectId: invitation.id,
      details: { email: input.email, role: input.role, communityId, community: loaded.row.name },
      ip: ctx.ip,
    });
    return invitation;
  });
}

/** An administrator invites a person into the district with a role and schools. */
export async function inviteToOrganization(ctx: ServiceContext, input: PersonInvite) {
  if (!orgPolicy.manageOrganization(ctx.actor))
    throw forbidden("Only district administrators can invite people.");
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ name: people.name })
      .from(people)
      .where(and(eq(people.email, input.email), eq(people.orgId, ctx.actor.orgId)));
    if (existing) throw conflict(`${existing.name} already has an account with this email.`, "email");
    await checkSchoolsInOrg(tx, ctx.actor.orgId, input.schoolIds);
    const invitation = await sendInvitation(tx, ctx, {
      email: input.email,
      name: input.name,
      orgRole: input.orgRole,
      schoolIds: input.schoolIds,
    });
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "person.invited",
      subjectType: "invitation",
      subjectId: invitation.id,
      details: { email: input.email, role: input.orgRole },
      ip: ctx.ip,
    });
    return invitation;
  });
}

/** A community's invitations are its managers' (facilitators, leaders); the district's, its administrators'. */
async function requireInvitationManager(
  ctx: ServiceContext,
  communityId: string | null,
  verb: "see" | "withdraw",
) {
  if (communityId) {
    const loaded = await loadCommunity(ctx.db, ctx.actor, communityId);
    if (!canManage(loaded.access)) {
      throw forbidden(`Only the community's facilitators and leaders can ${verb} its invitations.`);
    }
  } else if (!orgPolicy.manageOrganization(ctx.actor)) {
    throw forbidden(`Only district administrators can ${verb} district invitations.`);
  }
}

/** Invitations of a community (facilitators) or of the district (administrators), newest first. */
export async function listInvitations(ctx: ServiceContext, communityId: string | null) {
  await requireInvitationManager(ctx, communityId, "see");
  const rows = await ctx.db
    .select({ invitation: invitations, invitedBy: people.name })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.orgId, ctx.actor.orgId),
        communityId ? eq(invitations.communityId, communityId) : isNull(invitations.communityId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        sql`${invitations.expiresAt} > now() - interval '30 days'`,
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map((r) => presentInvitation(r.invitation, r.invitedBy));
}

/** Withdraws a pending invitation; its link stops working. */
export async function revokeInvitation(
  ctx: ServiceContext,
  communityId: string | null,
  invitationId: string,
) {
  await requireInvitationManager(ctx, communityId, "withdraw");
  const revoked = await ctx.db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.orgId, ctx.actor.orgId),
        communityId ? eq(invitations.communityId, communityId) : isNull(invitations.communityId),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (revoked.length === 0) throw notFound("This invitation");
}
