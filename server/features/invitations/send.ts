import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { invitations, organizations, people } from "../../db/schema/index.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { hashToken, newId, newToken } from "../../lib/ids.ts";
import { queueMail } from "../../mail/outbox.ts";
import { mailWords, renderMail } from "../../mail/templates.ts";
import { presentInvitation } from "./present.ts";

export const INVITATION_DAYS = 14;

export type NewInvitation = {
  email: string;
  name?: string;
  orgRole: "administrator" | "school_leader" | "educator" | "partner";
  schoolIds?: string[];
  community?: { id: string; name: string; role: "facilitator" | "member" | "partner" | "observer" };
  message?: string;
};

/**
 * Records an invitation and queues its mail in the caller's transaction. A pending invitation to the same
 * address for the same place is replaced, so "invite again" re-sends a fresh link instead of piling up.
 */
export async function sendInvitation(tx: Tx, ctx: ServiceContext, invite: NewInvitation) {
  const { actor } = ctx;
  const communityId = invite.community?.id ?? null;
  await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.orgId, actor.orgId),
        eq(invitations.email, invite.email),
        communityId ? eq(invitations.communityId, communityId) : isNull(invitations.communityId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    );
  const token = newToken();
  const [row] = await tx
    .insert(invitations)
    .values({
      id: newId(),
      orgId: actor.orgId,
      email: invite.email,
      name: invite.name ?? "",
      communityId,
      communityRole: invite.community?.role ?? null,
      orgRole: invite.orgRole,
      schoolIds: invite.schoolIds ?? [],
      message: invite.message ?? "",
      tokenHash: hashToken(token),
      invitedBy: actor.id,
      expiresAt: sql`now() + make_interval(days => ${INVITATION_DAYS})`,
    })
    .returning();
  if (!row) throw new Error("invitation insert returned nothing");
  await queueMail(tx, {
    orgId: actor.orgId,
    to: invite.email,
    ...(await compose(tx, ctx, invite, token, row.expiresAt)),
  });
  return presentInvitation(row, actor.name);
}

async function compose(tx: Tx, ctx: ServiceContext, invite: NewInvitation, token: string, expiresAt: Date) {
  const [org] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, ctx.actor.orgId));
  const [existing] = await tx
    .select({ language: people.language, timeZone: people.timeZone })
    .from(people)
    .where(eq(people.email, invite.email));
  const w = mailWords(existing?.language ?? "en");
  const inviter = ctx.actor.name;
  const orgName = org?.name ?? "Lamplight";
  const url = `${ctx.publicUrl}/invitations/${token}`;
  const expiry = new Intl.DateTimeFormat("en", {
    dateStyle: "long",
    timeZone: existing?.timeZone ?? "UTC",
  }).format(expiresAt);
  const subject = invite.community
    ? w.invitationSubjectCommunity(invite.community.name)
    : w.invitationSubjectDistrict(orgName);
  const body = invite.community
    ? w.invitationBodyCommunity(
        inviter,
        invite.community.name,
        w.roles[invite.community.role] ?? invite.community.role,
      )
    : w.invitationBodyDistrict(inviter, orgName);
  const note = invite.message ? [w.personalNote(inviter), invite.message] : [];
  return renderMail(subject, [body, ...note], { label: w.invitationAction, url }, [
    w.invitationExpiry(expiry),
  ]);
}
