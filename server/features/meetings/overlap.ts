import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { conflict, invalid } from "../../http/errors.ts";

export type Interval = { start: Date; minutes: number };

/** How a meeting's time reads in messages: "Thu, Nov 26, 2026, 3:30 PM (America/Chicago)". */
export function describeTime(start: Date, timeZone: string): string {
  const words = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(start);
  return `${words} (${timeZone})`;
}

/**
 * Refuses times that overlap another scheduled (or running) meeting of the same community, naming it,
 * since one group cannot be in two meetings at once. `exclude` are the meetings being changed.
 */
export async function assertNoOverlap(
  db: Executor,
  scope: { orgId: string; communityId: string; exclude: string[] },
  intervals: Interval[],
  path = "startTime",
): Promise<void> {
  if (intervals.length === 0) return;
  const wanted = JSON.stringify(
    intervals.map((i) => ({
      start: i.start.toISOString(),
      finish: new Date(i.start.getTime() + i.minutes * 60_000).toISOString(),
    })),
  );
  const result = await db.execute<{ title: string; starts_at: string; time_zone: string }>(sql`
    select m.title, m.starts_at::text, m.time_zone
    from meetings m, jsonb_to_recordset(${wanted}::jsonb) as c(start timestamptz, finish timestamptz)
    where m.org_id = ${scope.orgId} and m.community_id = ${scope.communityId}
      and m.status in ('scheduled', 'live')
      and m.starts_at < c.finish
      and m.starts_at + make_interval(mins => m.duration_minutes) > c.start
      and not (m.id = any(${`{${scope.exclude.join(",")}}`}::uuid[]))
    order by c.start, m.starts_at
    limit 1`);
  const clash = result.rows[0];
  if (clash) {
    throw conflict(
      `This overlaps “${clash.title}” on ${describeTime(new Date(clash.starts_at), clash.time_zone)}. Choose another time, or move that meeting first.`,
      path,
    );
  }
}

/** A new start may not lie more than a day in the past (a typo in the year, not a record of history). */
export function assertNotLongPast(start: Date, now: Date, path = "date"): void {
  if (start.getTime() < now.getTime() - 24 * 3600_000)
    throw invalid(path, "This date is in the past. Choose today or a later date.");
}
