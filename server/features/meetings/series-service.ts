import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { SeriesChange, SeriesUpdate } from "../../../shared/schemas/meetings.ts";
import type { Tx } from "../../db/client.ts";
import { meetingSeries, meetings } from "../../db/schema/index.ts";
import { notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { loadCommunityForMeetings } from "./load.ts";
import { assertNoOverlap, assertNotLongPast } from "./overlap.ts";
import { loadSeries } from "./present.ts";
import { expandSeries, instantToWallClock, parseRRule, toRRule, wallClockToInstant } from "./recurrence.ts";
import { bumped } from "./service.ts";

type SeriesRow = typeof meetingSeries.$inferSelect;

async function lockSeries(ctx: ServiceContext, tx: Tx, id: string): Promise<SeriesRow> {
  const [series] = await tx
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.id, id), eq(meetingSeries.orgId, ctx.actor.orgId)))
    .for("update");
  if (!series) throw notFound("This meeting series");
  await loadCommunityForMeetings(tx, ctx.actor, series.communityId, true);
  return series;
}

/** Future occurrences nobody has touched: scheduled, not started, still at the time the rule gave them. */
const untouchedFuture = (seriesId: string) =>
  and(
    eq(meetings.seriesId, seriesId),
    eq(meetings.status, "scheduled"),
    sql`${meetings.startsAt} > now()`,
    sql`${meetings.startsAt} = ${meetings.occurrenceStart}`,
  );

/**
 * Edits a series from now on. Title, length, place and link change every untouched future occurrence;
 * a new rule, time, zone or first date regenerates them: those without an agenda or roles are replaced,
 * those already planned keep their agenda and move to the new time when the new rule meets that day.
 */
export async function updateSeries(
  ctx: ServiceContext,
  id: string,
  input: SeriesUpdate,
): Promise<SeriesChange> {
  return ctx.db.transaction(async (tx) => {
    const series = await lockSeries(ctx, tx, id);
    const fields = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.videoUrl !== undefined ? { videoUrl: input.videoUrl } : {}),
    };
    const reschedule =
      input.recurrence !== undefined ||
      input.startTime !== undefined ||
      input.timeZone !== undefined ||
      input.date !== undefined;
    const counts = { updated: 0, added: 0, removed: 0, cancelled: 0 };
    if (reschedule) Object.assign(counts, await regenerate(tx, series, input));
    const duration = input.durationMinutes ?? series.durationMinutes;
    const touched = await tx
      .select({ id: meetings.id, startsAt: meetings.startsAt })
      .from(meetings)
      .where(untouchedFuture(id));
    if (input.durationMinutes !== undefined) {
      await assertNoOverlap(
        tx,
        { orgId: series.orgId, communityId: series.communityId, exclude: touched.map((m) => m.id) },
        touched.map((m) => ({ start: m.startsAt, minutes: duration })),
        "durationMinutes",
      );
    }
    if (Object.keys(fields).length > 0) {
      await tx
        .update(meetingSeries)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(eq(meetingSeries.id, id));
      const changed = await tx
        .update(meetings)
        .set({ ...fields, ...bumped() })
        .where(untouchedFuture(id))
        .returning({ id: meetings.id });
      counts.updated = Math.max(counts.updated, changed.length);
    }
    await auditSeries(ctx, tx, "meeting_series.changed", series, counts);
    return { series: await mustSeries(tx, id), ...counts };
  });
}

async function mustSeries(tx: Tx, id: string) {
  const summary = await loadSeries(tx, id);
  if (!summary) throw notFound("This meeting series");
  return summary;
}

/** Replaces the untouched future occurrences with those of the new rule (see updateSeries). */
async function regenerate(tx: Tx, series: SeriesRow, input: SeriesUpdate) {
  const now = new Date();
  const timeZone = input.timeZone ?? series.timeZone;
  const date = input.date ?? series.firstStartLocal.slice(0, 10);
  const startTime = input.startTime ?? series.firstStartLocal.slice(11, 16);
  if (input.date) assertNotLongPast(wallClockToInstant(date, startTime, timeZone), now);
  const recurrence = input.recurrence ?? parseRRule(series.rrule, series.timeZone);
  const schedule = {
    rrule: toRRule(recurrence, date, timeZone),
    firstStartLocal: `${date}T${startTime}`,
    timeZone,
  };
  const all = expandSeries(schedule, now);
  const last = all.at(-1);
  if (!recurrence.until && !recurrence.count && last) {
    schedule.rrule = toRRule(
      { ...recurrence, until: instantToWallClock(last, timeZone).date },
      date,
      timeZone,
    );
  }
  const wanted = all.filter((start) => start > now);

  const future = await tx
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      occurrenceStart: meetings.occurrenceStart,
      planned: sql<boolean>`exists (select 1 from agenda_items a where a.meeting_id = "meetings"."id")
        or exists (select 1 from meeting_roles r where r.meeting_id = "meetings"."id")`,
      untouched: sql<boolean>`${meetings.status} = 'scheduled' and ${meetings.startsAt} = ${meetings.occurrenceStart}`,
    })
    .from(meetings)
    .where(and(eq(meetings.seriesId, series.id), sql`${meetings.occurrenceStart} > now()`));
  const replaceable = future.filter((m) => m.untouched && !m.planned);
  if (replaceable.length > 0)
    await tx.delete(meetings).where(
      inArray(
        meetings.id,
        replaceable.map((m) => m.id),
      ),
    );

  // Planned occurrences follow the rule to its new time on the same day; the others keep theirs.
  const remaining = new Map(wanted.map((start) => [dayKey(start, timeZone), start]));
  let moved = 0;
  for (const m of future.filter((f) => f.untouched && f.planned)) {
    const start = remaining.get(dayKey(m.startsAt, timeZone));
    if (!start) continue;
    remaining.delete(dayKey(m.startsAt, timeZone));
    await tx
      .update(meetings)
      .set({ startsAt: start, occurrenceStart: start, timeZone, ...bumped() })
      .where(eq(meetings.id, m.id));
    moved++;
  }
  const taken = new Set(
    future.filter((f) => !(f.untouched && !f.planned)).map((f) => f.occurrenceStart?.getTime()),
  );
  const inserts = [...remaining.values()].filter((start) => !taken.has(start.getTime()));
  const duration = input.durationMinutes ?? series.durationMinutes;
  await assertNoOverlap(
    tx,
    { orgId: series.orgId, communityId: series.communityId, exclude: [] },
    inserts.map((start) => ({ start, minutes: duration })),
  );
  if (inserts.length > 0) {
    await tx.insert(meetings).values(
      inserts.map((start) => ({
        id: newId(),
        orgId: series.orgId,
        communityId: series.communityId,
        seriesId: series.id,
        occurrenceStart: start,
        title: input.title ?? series.title,
        startsAt: start,
        durationMinutes: duration,
        timeZone,
        place: input.place ?? series.place,
        videoUrl: input.videoUrl ?? series.videoUrl,
        createdBy: series.createdBy,
      })),
    );
  }
  await tx
    .update(meetingSeries)
    .set({ ...schedule, updatedAt: sql`now()` })
    .where(eq(meetingSeries.id, series.id));
  return { updated: moved, added: inserts.length, removed: replaceable.length };
}

const dayKey = (instant: Date, timeZone: string) => instantToWallClock(instant, timeZone).date;

/**
 * Cancels every scheduled occurrence from a day on (kept as cancelled, so calendars remove them) and
 * ends the rule the day before.
 */
export async function cancelSeriesFrom(ctx: ServiceContext, id: string, from: string): Promise<SeriesChange> {
  return ctx.db.transaction(async (tx) => {
    const series = await lockSeries(ctx, tx, id);
    const fromInstant = wallClockToInstant(from, "00:00", series.timeZone);
    const cancelled = await tx
      .update(meetings)
      .set({ status: "cancelled", ...bumped() })
      .where(
        and(eq(meetings.seriesId, id), eq(meetings.status, "scheduled"), gte(meetings.startsAt, fromInstant)),
      )
      .returning({ id: meetings.id });
    const recurrence = parseRRule(series.rrule, series.timeZone);
    const dayBefore = instantToWallClock(
      new Date(fromInstant.getTime() - 12 * 3600_000),
      series.timeZone,
    ).date;
    const firstDate = series.firstStartLocal.slice(0, 10);
    if (dayBefore >= firstDate && (!recurrence.until || recurrence.until > dayBefore)) {
      const { count: _count, ...rest } = recurrence;
      await tx
        .update(meetingSeries)
        .set({
          rrule: toRRule({ ...rest, until: dayBefore }, firstDate, series.timeZone),
          updatedAt: sql`now()`,
        })
        .where(eq(meetingSeries.id, id));
    }
    await auditSeries(ctx, tx, "meeting_series.cancelled", series, { from, cancelled: cancelled.length });
    return {
      series: await mustSeries(tx, id),
      updated: 0,
      added: 0,
      removed: 0,
      cancelled: cancelled.length,
    };
  });
}

/** Records a series change in the audit log, inside the change's transaction. */
async function auditSeries(
  ctx: ServiceContext,
  tx: Tx,
  action: "meeting_series.changed" | "meeting_series.cancelled",
  series: { id: string; orgId: string; title: string; communityId: string },
  details: Record<string, unknown>,
) {
  await recordAudit(tx, {
    orgId: series.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "meeting",
    subjectId: series.id,
    details: { title: series.title, communityId: series.communityId, series: true, ...details },
    ip: ctx.ip,
  });
}
