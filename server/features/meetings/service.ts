import { and, eq, sql } from "drizzle-orm";
import type { MeetingInput, MeetingUpdate } from "../../../shared/schemas/meetings.ts";
import type { Executor } from "../../db/client.ts";
import { meetingSeries, meetings } from "../../db/schema/index.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { assertChangeable, loadCommunityForMeetings, loadMeeting } from "./load.ts";
import { assertNoOverlap, assertNotLongPast } from "./overlap.ts";
import { presentMeeting } from "./present.ts";
import { expandSeries, instantToWallClock, toRRule, wallClockToInstant } from "./recurrence.ts";

/**
 * Schedules one meeting, or a series when `recurrence` is given: the series row and every occurrence
 * (as meeting rows) are written in the caller's transaction, so a refused occurrence saves nothing.
 */
export async function scheduleMeeting(ctx: ServiceContext, communityId: string, input: MeetingInput) {
  const { actor, db } = ctx;
  await loadCommunityForMeetings(db, actor, communityId, true);
  const now = new Date();
  const first = wallClockToInstant(input.date, input.startTime, input.timeZone);
  assertNotLongPast(first, now);
  const seriesId = input.recurrence ? newId() : null;
  let starts = [first];
  if (input.recurrence) {
    const schedule = {
      rrule: toRRule(input.recurrence, input.date, input.timeZone),
      firstStartLocal: `${input.date}T${input.startTime}`,
      timeZone: input.timeZone,
    };
    starts = expandSeries(schedule, now);
    // An open-ended rule stops at the caps; write that end into the rule so calendars and words agree.
    const last = starts.at(-1);
    if (!input.recurrence.until && !input.recurrence.count && last) {
      const until = instantToWallClock(last, input.timeZone).date;
      schedule.rrule = toRRule({ ...input.recurrence, until }, input.date, input.timeZone);
    }
    await db.insert(meetingSeries).values({
      id: seriesId as string,
      orgId: actor.orgId,
      communityId,
      ...schedule,
      title: input.title,
      durationMinutes: input.durationMinutes,
      place: input.place,
      videoUrl: input.videoUrl,
      createdBy: actor.id,
    });
  }
  await assertNoOverlap(
    db,
    { orgId: actor.orgId, communityId, exclude: [] },
    starts.map((start) => ({ start, minutes: input.durationMinutes })),
  );
  const ids = starts.map(() => newId());
  await db.insert(meetings).values(
    starts.map((start, i) => ({
      id: ids[i] as string,
      orgId: actor.orgId,
      communityId,
      seriesId,
      occurrenceStart: seriesId ? start : null,
      title: input.title,
      startsAt: start,
      durationMinutes: input.durationMinutes,
      timeZone: input.timeZone,
      place: input.place,
      videoUrl: input.videoUrl,
      description: input.description,
      createdBy: actor.id,
    })),
  );
  await recordAudit(db, {
    orgId: actor.orgId,
    actorId: actor.id,
    action: "meeting.scheduled",
    subjectType: "meeting",
    subjectId: ids[0] as string,
    details: { title: input.title, communityId, occurrences: ids.length },
    ip: ctx.ip,
  });
  const loaded = await loadMeeting(db, actor, ids[0] as string);
  return { ...(await presentMeeting(db, loaded)), occurrenceCount: ids.length };
}

/** A meeting as the actor sees it. */
export async function getMeeting(ctx: ServiceContext, id: string) {
  return presentMeeting(ctx.db, await loadMeeting(ctx.db, ctx.actor, id));
}

/** Changes (and moves) one meeting; an occurrence of a series keeps the start its rule gave it. */
export async function updateMeeting(ctx: ServiceContext, id: string, input: MeetingUpdate) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadMeeting(tx, ctx.actor, id, { write: true, forUpdate: true });
    const m = loaded.meeting;
    assertChangeable(m, "its time and details");
    const timeZone = input.timeZone ?? m.timeZone;
    const local = instantToWallClock(m.startsAt, m.timeZone);
    const moving = input.date !== undefined || input.startTime !== undefined || input.timeZone !== undefined;
    const startsAt = moving
      ? wallClockToInstant(input.date ?? local.date, input.startTime ?? local.time, timeZone)
      : m.startsAt;
    const durationMinutes = input.durationMinutes ?? m.durationMinutes;
    if (moving && startsAt.getTime() !== m.startsAt.getTime()) assertNotLongPast(startsAt, new Date());
    if (moving || input.durationMinutes !== undefined) {
      await assertNoOverlap(tx, { orgId: m.orgId, communityId: m.communityId, exclude: [m.id] }, [
        { start: startsAt, minutes: durationMinutes },
      ]);
    }
    const { date: _d, startTime: _s, ...fields } = input;
    await tx
      .update(meetings)
      .set({ ...fields, startsAt, durationMinutes, timeZone, ...bumped() })
      .where(eq(meetings.id, m.id));
    await auditMeeting(ctx, tx, "meeting.changed", m, {
      moved: moving && startsAt.getTime() !== m.startsAt.getTime(),
    });
    return presentMeeting(tx, await loadMeeting(tx, ctx.actor, id));
  });
}

/** What every change a calendar should pick up sets: a higher SEQUENCE and a new modification time. */
export const bumped = () => ({
  icalSequence: sql`${meetings.icalSequence} + 1`,
  updatedAt: sql`now()`,
});

/** Cancels one meeting (kept, shown as cancelled, and sent to calendars as STATUS:CANCELLED). */
export async function cancelMeeting(ctx: ServiceContext, id: string) {
  return setCancelled(ctx, id, true);
}

/** Puts a cancelled meeting back on the schedule, if its time is still free. */
export async function restoreMeeting(ctx: ServiceContext, id: string) {
  return setCancelled(ctx, id, false);
}

async function setCancelled(ctx: ServiceContext, id: string, cancel: boolean) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadMeeting(tx, ctx.actor, id, { write: true, forUpdate: true });
    const m = loaded.meeting;
    assertChangeable(m, "whether it takes place", true);
    if ((m.status === "cancelled") !== cancel) {
      if (!cancel) {
        await assertNoOverlap(tx, { orgId: m.orgId, communityId: m.communityId, exclude: [m.id] }, [
          { start: m.startsAt, minutes: m.durationMinutes },
        ]);
      }
      await tx
        .update(meetings)
        .set({ status: cancel ? "cancelled" : "scheduled", ...bumped() })
        .where(and(eq(meetings.id, m.id), eq(meetings.orgId, m.orgId)));
      await auditMeeting(ctx, tx, cancel ? "meeting.cancelled" : "meeting.restored", m, {});
    }
    return presentMeeting(tx, await loadMeeting(tx, ctx.actor, id));
  });
}

/** Records a change to one meeting in the audit log, inside the change's transaction. */
async function auditMeeting(
  ctx: ServiceContext,
  tx: Executor,
  action: "meeting.changed" | "meeting.cancelled" | "meeting.restored",
  m: { id: string; orgId: string; title: string; communityId: string },
  details: Record<string, unknown>,
) {
  await recordAudit(tx, {
    orgId: m.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "meeting",
    subjectId: m.id,
    details: { title: m.title, communityId: m.communityId, ...details },
    ip: ctx.ip,
  });
}
