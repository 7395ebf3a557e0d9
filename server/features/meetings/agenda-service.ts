import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { AgendaItemKind } from "../../../shared/schemas/meeting-enums.ts";
import type { AgendaItemInput, AgendaItemUpdate, RoleAssignments } from "../../../shared/schemas/meetings.ts";
import type { Executor } from "../../db/client.ts";
import { agendaItems, meetingRoleAssignments, meetings, protocols } from "../../db/schema/index.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { assertActiveMembers, assertChangeable, type LoadedMeeting, loadMeeting } from "./load.ts";
import { presentMeeting } from "./present.ts";
import { bumped } from "./service.ts";

/** Titles for items the facilitator did not name (a protocol run takes the protocol's name). */
const defaultTitles: Record<Exclude<AgendaItemKind, "protocol">, string> = {
  discussion: "Discussion",
  data_review: "Data review",
  announcements: "Announcements",
  action_review: "Review of open action items",
};
const DEFAULT_ITEM_MINUTES = 10;
const defaultTitle = (kind: AgendaItemKind, fallback: string) =>
  kind === "protocol" ? fallback : defaultTitles[kind];

/** A protocol of the library the actor may use (the district's own or a built-in), at its current version. */
async function resolveProtocol(db: Executor, orgId: string, protocolId: string) {
  const [row] = await db
    .select({ versionId: protocols.currentVersionId, name: protocols.name, total: protocols.totalMinutes })
    .from(protocols)
    .where(
      and(
        eq(protocols.id, protocolId),
        or(eq(protocols.orgId, orgId), isNull(protocols.orgId)),
        isNull(protocols.archivedAt),
      ),
    );
  if (!row?.versionId) throw invalid("protocolId", "Choose a protocol from your district's library.");
  return { ...row, versionId: row.versionId };
}

/** An artifact presented on the agenda must be an open one of the meeting's own community. */
async function checkArtifact(db: Executor, orgId: string, communityId: string, artifactId: string) {
  const result = await db.execute(sql`
    select 1 from artifacts
    where id = ${artifactId} and org_id = ${orgId} and community_id = ${communityId} and archived_at is null`);
  if (result.rows.length === 0) throw invalid("artifactId", "Choose a work sample shared in this community.");
}

/** Loads a meeting for an agenda change: facilitators and leaders, before it starts. */
async function forAgendaChange(ctx: ServiceContext, id: string): Promise<LoadedMeeting> {
  const loaded = await loadMeeting(ctx.db, ctx.actor, id, { write: true, forUpdate: true });
  assertChangeable(loaded.meeting, "its agenda");
  return loaded;
}

async function finish(ctx: ServiceContext, loaded: LoadedMeeting) {
  // The agenda is in the calendar event's description, so calendars should pick the change up.
  await ctx.db.update(meetings).set(bumped()).where(eq(meetings.id, loaded.meeting.id));
  return presentMeeting(ctx.db, await loadMeeting(ctx.db, ctx.actor, loaded.meeting.id));
}

/** Adds an item at the end of the agenda. Runs in the caller's transaction (an idempotent create). */
export async function addAgendaItem(ctx: ServiceContext, meetingId: string, input: AgendaItemInput) {
  const loaded = await forAgendaChange(ctx, meetingId);
  const orgId = ctx.actor.orgId;
  const protocol = input.protocolId ? await resolveProtocol(ctx.db, orgId, input.protocolId) : null;
  if (input.presenterId)
    await assertActiveMembers(ctx.db, loaded.meeting.communityId, [input.presenterId], () => "presenterId");
  if (input.artifactId) await checkArtifact(ctx.db, orgId, loaded.meeting.communityId, input.artifactId);
  const [last] = await ctx.db
    .select({ n: sql<number>`coalesce(max(${agendaItems.position}) + 1, 0)::int` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  await ctx.db.insert(agendaItems).values({
    id: newId(),
    orgId,
    meetingId,
    position: last?.n ?? 0,
    kind: input.kind,
    title:
      input.title || (protocol ? protocol.name : defaultTitles[input.kind as keyof typeof defaultTitles]),
    minutes: input.minutes ?? protocol?.total ?? DEFAULT_ITEM_MINUTES,
    protocolVersionId: protocol?.versionId ?? null,
    presenterId: input.presenterId ?? null,
    focusingQuestion: input.focusingQuestion ?? "",
    material: input.material ?? "",
    materialUrl: input.materialUrl ?? "",
    artifactId: input.artifactId ?? null,
    details: input.details ?? "",
  });
  return finish(ctx, loaded);
}

async function loadItem(db: Executor, meetingId: string, itemId: string) {
  const [item] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) throw notFound("This agenda item");
  return item;
}

/** Changes the fields sent; a new protocol is stored at its current version. */
export async function updateAgendaItem(
  ctx: ServiceContext,
  meetingId: string,
  itemId: string,
  input: AgendaItemUpdate,
) {
  return ctx.db.transaction(async (tx) => {
    const inner = { ...ctx, db: tx };
    const loaded = await forAgendaChange(inner, meetingId);
    const item = await loadItem(tx, meetingId, itemId);
    if (input.protocolId !== undefined && item.kind !== "protocol" && input.protocolId !== null)
      throw invalid("protocolId", "Only a protocol run uses a protocol.");
    if (input.protocolId === null && item.kind === "protocol")
      throw invalid("protocolId", "Choose the protocol to run.");
    if (input.title === "" && item.kind === "discussion")
      throw invalid("title", "Enter what the discussion is about.");
    const protocol = input.protocolId ? await resolveProtocol(tx, ctx.actor.orgId, input.protocolId) : null;
    if (input.presenterId)
      await assertActiveMembers(tx, loaded.meeting.communityId, [input.presenterId], () => "presenterId");
    if (input.artifactId)
      await checkArtifact(tx, ctx.actor.orgId, loaded.meeting.communityId, input.artifactId);
    const { protocolId: _p, ...fields } = input;
    await tx
      .update(agendaItems)
      .set({
        ...fields,
        ...(fields.title === "" ? { title: protocol?.name ?? defaultTitle(item.kind, item.title) } : {}),
        ...(protocol ? { protocolVersionId: protocol.versionId } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(agendaItems.id, itemId));
    return finish(inner, loaded);
  });
}

/** Removes an item; the others close the gap. */
export async function removeAgendaItem(ctx: ServiceContext, meetingId: string, itemId: string) {
  return ctx.db.transaction(async (tx) => {
    const inner = { ...ctx, db: tx };
    const loaded = await forAgendaChange(inner, meetingId);
    const item = await loadItem(tx, meetingId, itemId);
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
    await tx
      .update(agendaItems)
      .set({ position: sql`${agendaItems.position} - 1` })
      .where(and(eq(agendaItems.meetingId, meetingId), sql`${agendaItems.position} > ${item.position}`));
    return finish(inner, loaded);
  });
}

/** Puts the items in the given order; the list must name every item of the agenda exactly once. */
export async function reorderAgenda(ctx: ServiceContext, meetingId: string, itemIds: string[]) {
  return ctx.db.transaction(async (tx) => {
    const inner = { ...ctx, db: tx };
    const loaded = await forAgendaChange(inner, meetingId);
    const current = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position));
    const same =
      itemIds.length === current.length &&
      new Set(itemIds).size === itemIds.length &&
      current.every((c) => itemIds.includes(c.id));
    if (!same)
      throw conflict(
        "The agenda changed while you were reordering it. Reload the page and try again.",
        "itemIds",
      );
    for (const [position, id] of itemIds.entries()) {
      await tx.update(agendaItems).set({ position }).where(eq(agendaItems.id, id));
    }
    return finish(inner, loaded);
  });
}

/** Replaces who holds the meeting's roles (facilitator, timekeeper, note-taker); all must be active members. */
export async function setRoles(ctx: ServiceContext, meetingId: string, input: RoleAssignments) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadMeeting(tx, ctx.actor, meetingId, { write: true, forUpdate: true });
    if (loaded.meeting.status === "ended")
      throw conflict("This meeting has ended, so its roles can no longer be changed.");
    if (loaded.meeting.status === "cancelled")
      throw conflict("This meeting is cancelled. Restore it before assigning roles.");
    await assertActiveMembers(
      tx,
      loaded.meeting.communityId,
      input.assignments.map((a) => a.personId),
      (i) => `assignments.${i}.personId`,
    );
    await tx.delete(meetingRoleAssignments).where(eq(meetingRoleAssignments.meetingId, meetingId));
    const unique = new Map(input.assignments.map((a) => [`${a.role}:${a.personId}`, a]));
    if (unique.size > 0) {
      await tx
        .insert(meetingRoleAssignments)
        .values([...unique.values()].map((a) => ({ orgId: ctx.actor.orgId, meetingId, ...a })));
    }
    return presentMeeting(tx, await loadMeeting(tx, ctx.actor, meetingId));
  });
}
