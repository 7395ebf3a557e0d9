import { and, asc, eq, sql } from "drizzle-orm";
import type { Minutes, MinutesRecord, SummaryUpdate } from "../../../shared/schemas/minutes.ts";
import { agendaItems, minutes, people } from "../../db/schema/index.ts";
import { conflict, forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { meetingActionItems } from "../action-items/service.ts";
import { recordAudit } from "../audit/record.ts";
import { listDecisions } from "./decisions.ts";
import { generateMinutes } from "./generate.ts";
import { type LoadedMeeting, loadMeeting } from "./load.ts";
import { canEditMinutes, minutesCan } from "./policy.ts";

/** A meeting's minutes as the actor may see them (the record is null until the meeting ends). */
export async function getMinutes(ctx: ServiceContext, meetingId: string): Promise<Minutes> {
  return present(ctx, await loadMeeting(ctx.db, ctx.actor, meetingId));
}

async function present(ctx: ServiceContext, { meeting, access }: LoadedMeeting): Promise<Minutes> {
  // Sequential: after a write this runs inside the transaction, on one connection.
  const [row] = await ctx.db
    .select({ minutes, editorName: people.name })
    .from(minutes)
    .leftJoin(people, eq(people.id, minutes.editedBy))
    .where(eq(minutes.meetingId, meeting.id));
  const items = await ctx.db
    .select({ id: agendaItems.id, title: agendaItems.title })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position));
  const decisions = await listDecisions(ctx.db, meeting.id);
  const actionItems = await meetingActionItems(ctx.db, ctx, meeting.id);
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.starts_at.toISOString(),
      timeZone: meeting.time_zone,
      status: meeting.status,
      endedAt: meeting.ended_at?.toISOString() ?? null,
      communityId: meeting.community_id,
      communityName: meeting.community_name,
    },
    record: row ? (row.minutes.record as MinutesRecord) : null,
    summary: row?.minutes.summary ?? "",
    revision: row?.minutes.revision ?? 0,
    generatedAt: row?.minutes.generatedAt.toISOString() ?? null,
    editedAt: row?.minutes.editedAt?.toISOString() ?? null,
    editedBy: row?.editorName ?? null,
    agendaItems: items,
    decisions,
    actionItems,
    can: minutesCan(access),
  };
}

/** Saves the facilitator's summary; a save based on an older revision is refused (409), not merged. */
export async function updateSummary(ctx: ServiceContext, meetingId: string, input: SummaryUpdate) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadMeeting(tx, ctx.actor, meetingId, { forUpdate: true });
    if (!canEditMinutes(loaded.access))
      throw forbidden("Only the community's facilitators can edit the minutes.");
    const [current] = await tx
      .select({ revision: minutes.revision, summary: minutes.summary })
      .from(minutes)
      .where(eq(minutes.meetingId, meetingId))
      .for("update");
    if (!current) throw conflict("The minutes are written when the meeting ends; end the meeting first.");
    if (current.revision !== input.revision)
      throw conflict(
        "Someone else saved the minutes after you opened them. Copy your text, reload to see their changes, then save again.",
        "revision",
      );
    await tx
      .update(minutes)
      .set({
        summary: input.summary,
        revision: sql`${minutes.revision} + 1`,
        editedAt: sql`now()`,
        editedBy: ctx.actor.id,
      })
      .where(and(eq(minutes.meetingId, meetingId), eq(minutes.orgId, ctx.actor.orgId)));
    await audit(ctx, tx, loaded, "minutes.edited", { characters: input.summary.length });
    return present({ ...ctx, db: tx }, loaded);
  });
}

/**
 * Rebuilds the record from the meeting's tables (after attendance or notes were corrected), keeping the
 * summary. Only for a meeting that has ended.
 */
export async function regenerateMinutes(ctx: ServiceContext, meetingId: string) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadMeeting(tx, ctx.actor, meetingId, { forUpdate: true });
    if (!canEditMinutes(loaded.access))
      throw forbidden("Only the community's facilitators can regenerate the minutes.");
    if (loaded.meeting.status !== "ended")
      throw conflict("The minutes are written when the meeting ends; this meeting has not ended yet.");
    const { meeting } = loaded;
    await generateMinutes(tx, { id: meeting.id, orgId: meeting.org_id, communityId: meeting.community_id });
    await audit(ctx, tx, loaded, "minutes.regenerated", {});
    return present({ ...ctx, db: tx }, loaded);
  });
}

async function audit(
  ctx: ServiceContext,
  tx: ServiceContext["db"],
  { meeting }: LoadedMeeting,
  action: "minutes.edited" | "minutes.regenerated",
  details: Record<string, unknown>,
) {
  await recordAudit(tx, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "meeting",
    subjectId: meeting.id,
    details: { meeting: meeting.title, community: meeting.community_name, ...details },
    ip: ctx.ip,
  });
}
