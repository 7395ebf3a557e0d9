import { and, eq, sql } from "drizzle-orm";
import type { AuditAction } from "../../../shared/schemas/audit.ts";
import type { CommunityRole } from "../../../shared/schemas/communities.ts";
import type { Tx } from "../../db/client.ts";
import { memberships, people } from "../../db/schema/index.ts";
import { conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { recordAudit } from "../audit/record.ts";
import { type LoadedCommunity, loadCommunity, presentCommunity, reloadAfterChange } from "./load.ts";
import { canManage, communityCan } from "./policy.ts";

type Change = (tx: Tx, loaded: LoadedCommunity) => Promise<void>;

/** Runs one membership change on a locked community and answers with the community as it now is. */
async function change(ctx: ServiceContext, communityId: string, apply: Change) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadCommunity(tx, ctx.actor, communityId, true);
    await apply(tx, loaded);
    // Allowed above; the change itself may end the actor's access (leaving a private community).
    return presentCommunity(await reloadAfterChange(tx, ctx.actor, communityId));
  });
}

const audit = (
  ctx: ServiceContext,
  tx: Tx,
  action: AuditAction,
  loaded: LoadedCommunity,
  personId: string,
  details: Record<string, unknown> = {},
) =>
  recordAudit(tx, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "person",
    subjectId: personId,
    details: { communityId: loaded.row.id, community: loaded.row.name, ...details },
    ip: ctx.ip,
  });

async function upsertMembership(
  tx: Tx,
  orgId: string,
  communityId: string,
  personId: string,
  role: CommunityRole,
  status: "active" | "requested",
) {
  await tx
    .insert(memberships)
    .values({ orgId, communityId, personId, role, status })
    .onConflictDoUpdate({
      target: [memberships.communityId, memberships.personId],
      set: { role, status, joinedAt: sql`now()`, updatedAt: sql`now()` },
    });
}

/** Asks to join a district-visible community; a facilitator approves. Leaders join directly. */
export function requestToJoin(ctx: ServiceContext, communityId: string) {
  return change(ctx, communityId, async (tx, loaded) => {
    const can = communityCan(loaded.access);
    if (loaded.access.membership?.status === "active" || loaded.access.membership?.status === "requested")
      return;
    if (can.join) {
      await upsertMembership(tx, ctx.actor.orgId, communityId, ctx.actor.id, "member", "active");
      await audit(ctx, tx, "membership.joined", loaded, ctx.actor.id, { role: "member" });
      return;
    }
    if (loaded.access.archived)
      throw forbidden("This community is archived. Ask its facilitators to restore it first.");
    if (!can.requestToJoin) throw forbidden("This community is joined by invitation only.");
    await upsertMembership(tx, ctx.actor.orgId, communityId, ctx.actor.id, "member", "requested");
    await audit(ctx, tx, "membership.requested", loaded, ctx.actor.id);
  });
}

/** Leaves a community (or withdraws a request); contributions stay. The last facilitator must hand over first. */
export function leave(ctx: ServiceContext, communityId: string) {
  return change(ctx, communityId, async (tx, loaded) => {
    const mine = loaded.access.membership;
    if (!mine || mine.status === "left") return;
    if (mine.status === "active" && !communityCan(loaded.access).leave) {
      throw conflict("You are the only facilitator. Make someone else a facilitator before you leave.");
    }
    await setStatus(tx, communityId, ctx.actor.id, "left");
    await audit(ctx, tx, "membership.left", loaded, ctx.actor.id);
  });
}

/** Changes a member's community role (facilitators and leaders). */
export function changeRole(ctx: ServiceContext, communityId: string, personId: string, role: CommunityRole) {
  return change(ctx, communityId, async (tx, loaded) => {
    requireManager(loaded);
    const member = activeMember(loaded, personId);
    if (member.role === role) return;
    await requirePartnerFit(tx, ctx, personId, role);
    if (member.role === "facilitator" && loaded.access.facilitatorCount <= 1) {
      throw conflict(
        "A community needs at least one facilitator. Make someone else a facilitator first.",
        "role",
      );
    }
    await tx
      .update(memberships)
      .set({ role, updatedAt: sql`now()` })
      .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
    await audit(ctx, tx, "membership.role_changed", loaded, personId, {
      from: member.role,
      to: role,
      person: member.name,
    });
  });
}

/** Removes a member; what they contributed stays. */
export function removeMember(ctx: ServiceContext, communityId: string, personId: string) {
  return change(ctx, communityId, async (tx, loaded) => {
    requireManager(loaded);
    const member = activeMember(loaded, personId);
    if (member.role === "facilitator" && loaded.access.facilitatorCount <= 1) {
      throw conflict("A community needs at least one facilitator. Make someone else a facilitator first.");
    }
    await setStatus(tx, communityId, personId, "left");
    await audit(ctx, tx, "membership.removed", loaded, personId, { person: member.name });
  });
}

/** Approves or declines a request to join. */
export function decideRequest(ctx: ServiceContext, communityId: string, personId: string, approve: boolean) {
  return change(ctx, communityId, async (tx, loaded) => {
    requireManager(loaded);
    const request = loaded.members.find((m) => m.personId === personId && m.status === "requested");
    if (!request) throw notFound("This request to join");
    if (approve) {
      await setStatus(tx, communityId, personId, "active");
    } else {
      await tx
        .delete(memberships)
        .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
    }
    await audit(ctx, tx, approve ? "membership.approved" : "membership.declined", loaded, personId, {
      person: request.name,
    });
  });
}

function requireManager(loaded: LoadedCommunity) {
  if (!canManage(loaded.access))
    throw forbidden("Only the community's facilitators and leaders can manage members.");
  if (loaded.access.archived) throw forbidden("Restore this community before changing its members.");
}

function activeMember(loaded: LoadedCommunity, personId: string) {
  const member = loaded.members.find((m) => m.personId === personId && m.status === "active");
  if (!member) throw notFound("This member");
  return member;
}

/** Family and community partners take part as partners or observers, never as facilitators or members. */
export async function requirePartnerFit(tx: Tx, ctx: ServiceContext, personId: string, role: CommunityRole) {
  const [person] = await tx
    .select({ orgRole: people.orgRole })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.orgId, ctx.actor.orgId)));
  if (person?.orgRole === "partner" && (role === "facilitator" || role === "member")) {
    throw invalid("role", "Partners join a community as a partner or an observer.");
  }
}

async function setStatus(tx: Tx, communityId: string, personId: string, status: "active" | "left") {
  await tx
    .update(memberships)
    .set({ status, updatedAt: sql`now()` })
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
}
