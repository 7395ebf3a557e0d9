import { and, eq, sql } from "drizzle-orm";
import type { ActionItem, ActionItemInput, ActionItemUpdate } from "../../../shared/schemas/action-items.ts";
import type { ActionItemStatus } from "../../../shared/schemas/meeting-enums.ts";
import type { Executor } from "../../db/client.ts";
import { actionItems, agendaItems, memberships } from "../../db/schema/index.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { loadCommunity } from "../communities/load.ts";
import { loadMeeting, localDate } from "../minutes/load.ts";
import { canRecordOutcomes } from "../minutes/policy.ts";
import { accessOf, presentActionItem, queryActionItems } from "./load.ts";
import { canManageItems, canReadAll, canReadItem } from "./policy.ts";

/** Adds an action item born in a meeting (facilitators, the note-taker, leaders). */
export async function createMeetingActionItem(
  ctx: ServiceContext,
  meetingId: string,
  input: ActionItemInput,
) {
  const { meeting, access } = await loadMeeting(ctx.db, ctx.actor, meetingId);
  if (!canRecordOutcomes(access))
    throw forbidden("Only the meeting's facilitator and note-taker can add action items.");
  await checkOwner(ctx.db, meeting.community_id, input.ownerId);
  checkDue(input.dueOn, localDate(meeting.starts_at, meeting.time_zone));
  if (input.agendaItemId) await checkAgendaItem(ctx.db, meetingId, input.agendaItemId);
  return insert(ctx, meeting.community_id, meetingId, input);
}

/** Adds an action item to a community outside any meeting (facilitators and leaders). */
export async function createCommunityActionItem(
  ctx: ServiceContext,
  communityId: string,
  input: ActionItemInput,
) {
  const loaded = await loadCommunity(ctx.db, ctx.actor, communityId);
  const access = accessFromCommunity(ctx, loaded);
  if (!canReadAll(access)) throw notFound("This community");
  if (!canManageItems(access))
    throw forbidden("Only the community's facilitators and leaders can add action items.");
  if (input.agendaItemId)
    throw invalid("agendaItemId", "Add the action item from its meeting to link it to an agenda item.");
  await checkOwner(ctx.db, communityId, input.ownerId);
  checkDue(input.dueOn, null);
  return insert(ctx, communityId, null, input);
}

async function insert(
  ctx: ServiceContext,
  communityId: string,
  meetingId: string | null,
  input: ActionItemInput,
) {
  const id = newId();
  await ctx.db.insert(actionItems).values({
    id,
    orgId: ctx.actor.orgId,
    communityId,
    meetingId,
    agendaItemId: input.agendaItemId,
    title: input.title,
    ownerId: input.ownerId,
    dueOn: input.dueOn,
    createdBy: ctx.actor.id,
  });
  return loadOne(ctx.db, ctx, id);
}

/** Changes an action item: the owner may change its status, facilitators and leaders anything. */
export async function updateActionItem(ctx: ServiceContext, id: string, input: ActionItemUpdate) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await queryActionItems(tx, ctx.actor, sql`a.id = ${id}`, { forUpdate: true });
    const access = row ? accessOf(ctx.actor, row) : null;
    if (!row || !access || !canReadItem(access, row.owner_id)) throw notFound("This action item");
    const onlyStatus = Object.keys(input).every((key) => key === "status");
    if (!canManageItems(access)) {
      if (row.owner_id !== ctx.actor.id || access.archived)
        throw forbidden("Only the person it is assigned to and the community's facilitators can change it.");
      if (!onlyStatus)
        throw forbidden(
          "You can mark your own action item done or dropped; ask a facilitator to change the rest.",
        );
    }
    if (input.ownerId !== undefined && input.ownerId !== row.owner_id)
      await checkOwner(tx, row.community_id, input.ownerId);
    if (input.dueOn !== undefined && input.dueOn !== row.due_on) {
      const meetingDay =
        row.meeting_starts_at && row.meeting_time_zone
          ? localDate(new Date(row.meeting_starts_at), row.meeting_time_zone)
          : null;
      checkDue(input.dueOn, meetingDay);
    }
    await tx
      .update(actionItems)
      .set({
        ...input,
        ...(input.status ? { completedAt: completedAt(input.status, row.status) } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(actionItems.id, id), eq(actionItems.orgId, ctx.actor.orgId)));
    return loadOne(tx, ctx, id);
  });
}

/** Done keeps when it was done; reopening or dropping clears it. */
function completedAt(next: ActionItemStatus, previous: ActionItemStatus) {
  if (next !== "done") return null;
  return previous === "done" ? sql`completed_at` : sql`now()`;
}

/** My action items (for the home page), across my communities. */
export async function listMyActionItems(
  ctx: ServiceContext,
  query: { status?: ActionItemStatus | undefined },
): Promise<ActionItem[]> {
  const rows = await queryActionItems(
    ctx.db,
    ctx.actor,
    sql`a.owner_id = ${ctx.actor.id} and c.archived_at is null
      ${query.status ? sql`and a.status = ${query.status}` : sql``}`,
  );
  // Someone who left a community no longer sees its items (the facilitator reassigns them).
  return rows.filter((row) => row.community_role !== null).map((row) => presentActionItem(ctx.actor, row));
}

/** A community's action items (e.g. the open ones, reviewed at the next meeting). */
export async function listCommunityActionItems(
  ctx: ServiceContext,
  communityId: string,
  query: { status?: ActionItemStatus | undefined },
): Promise<ActionItem[]> {
  const loaded = await loadCommunity(ctx.db, ctx.actor, communityId);
  const access = accessFromCommunity(ctx, loaded);
  if (!canReadItem(access, ctx.actor.id)) throw notFound("This community");
  const rows = await queryActionItems(
    ctx.db,
    ctx.actor,
    sql`a.community_id = ${communityId}
      ${query.status ? sql`and a.status = ${query.status}` : sql``}
      ${canReadAll(access) ? sql`` : sql`and a.owner_id = ${ctx.actor.id}`}`,
  );
  return rows.map((row) => presentActionItem(ctx.actor, row));
}

/** The action items of one meeting, for its minutes. */
export async function meetingActionItems(db: Executor, ctx: ServiceContext, meetingId: string) {
  const rows = await queryActionItems(db, ctx.actor, sql`a.meeting_id = ${meetingId}`);
  return rows.map((row) => presentActionItem(ctx.actor, row));
}

async function loadOne(db: Executor, ctx: ServiceContext, id: string): Promise<ActionItem> {
  const [row] = await queryActionItems(db, ctx.actor, sql`a.id = ${id}`);
  if (!row) throw notFound("This action item");
  return presentActionItem(ctx.actor, row);
}

function accessFromCommunity(ctx: ServiceContext, loaded: Awaited<ReturnType<typeof loadCommunity>>) {
  const membership = loaded.access.membership;
  return accessOf(ctx.actor, {
    community_role: membership?.status === "active" ? membership.role : null,
    school_ids: loaded.row.schools.map((s) => s.id),
    archived: loaded.access.archived,
  });
}

async function checkOwner(db: Executor, communityId: string, ownerId: string) {
  const [member] = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.communityId, communityId),
        eq(memberships.personId, ownerId),
        eq(memberships.status, "active"),
      ),
    );
  if (!member) throw invalid("ownerId", "Choose someone who is an active member of this community.");
}

async function checkAgendaItem(db: Executor, meetingId: string, agendaItemId: string) {
  const [item] = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) throw invalid("agendaItemId", "Choose an item of this meeting's agenda.");
}

/** A due date before the meeting it came from is a typo; the schema already refused absurd years. */
function checkDue(dueOn: string | null, meetingDay: string | null) {
  if (dueOn && meetingDay && dueOn < meetingDay)
    throw invalid("dueOn", `Choose a due date on or after the meeting (${meetingDay}).`);
}
