import { RRuleTemporal } from "rrule-temporal";
import { toText } from "rrule-temporal/totext";
import { Temporal } from "temporal-polyfill";
import {
  MAX_OCCURRENCES,
  MAX_SERIES_YEARS,
  type Recurrence,
  type Weekday,
  weekdays,
} from "../../../shared/schemas/meetings.ts";
import { invalid } from "../../http/errors.ts";

/**
 * Recurring schedules: our form's rule ⇄ an RFC 5545 RRULE, and its occurrences as instants. Expansion
 * runs in the series' own time zone (rrule-temporal on the Temporal polyfill), so "Thursdays at 15:30"
 * stays 15:30 on the wall clock when daylight-saving time starts or ends.
 */

/** A series as stored: RRULE without DTSTART, the first wall-clock start and its zone. */
export type SeriesSchedule = { rrule: string; firstStartLocal: string; timeZone: string };

/** 2026-11-27 + 15:30 in a zone → the instant. A time skipped by a DST change moves forward (RFC 5545). */
export function wallClockToInstant(date: string, time: string, timeZone: string): Date {
  const zoned = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, {
    disambiguation: "compatible",
  });
  return new Date(zoned.epochMilliseconds);
}

/** An instant as the date and HH:MM a wall clock in the zone shows. */
export function instantToWallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return { date: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString().slice(0, 5) };
}

/** The weekday code of a calendar date. */
export function weekdayOf(date: string): Weekday {
  return weekdays[Temporal.PlainDate.from(date).dayOfWeek - 1] as Weekday;
}

/** The RRULE for a rule whose first meeting is on `firstDate` in `timeZone`. UNTIL covers the whole last day. */
export function toRRule(rule: Recurrence, firstDate: string, timeZone: string): string {
  const parts = [`FREQ=${rule.frequency === "weekly" ? "WEEKLY" : "MONTHLY"}`, `INTERVAL=${rule.interval}`];
  if (rule.frequency === "weekly") {
    parts.push(`BYDAY=${weekdays.filter((d) => rule.weekdays.includes(d)).join(",")}`);
  } else {
    parts.push(`BYDAY=${rule.monthWeek ?? 1}${rule.weekdays[0] ?? weekdayOf(firstDate)}`);
  }
  if (rule.until) parts.push(`UNTIL=${untilStamp(rule.until, timeZone)}`);
  if (rule.count) parts.push(`COUNT=${rule.count}`);
  return parts.join(";");
}

/** The end of a local day as an RFC 5545 UTC stamp (UNTIL must be UTC when DTSTART has a TZID). */
function untilStamp(date: string, timeZone: string): string {
  const end = Temporal.PlainDate.from(date).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from("23:59:59"),
  });
  return end.toInstant().toString().replace(/[-:]/g, "").replace(/\.\d+/, "");
}

/** Reads back a rule this module wrote, for the series summary and the edit form. */
export function parseRRule(rrule: string, timeZone: string): Recurrence {
  const fields = new Map(rrule.split(";").map((part) => part.split("=") as [string, string]));
  const byDay = (fields.get("BYDAY") ?? "").split(",").filter(Boolean);
  const monthly = fields.get("FREQ") === "MONTHLY";
  const ordinal = monthly ? /^(-?\d)(\w\w)$/.exec(byDay[0] ?? "") : null;
  const until = fields.get("UNTIL");
  const count = fields.get("COUNT");
  return {
    frequency: monthly ? "monthly" : "weekly",
    interval: Number(fields.get("INTERVAL") ?? 1),
    weekdays: (ordinal ? [ordinal[2]] : byDay) as Weekday[],
    ...(ordinal ? { monthWeek: Number(ordinal[1]) as 1 | 2 | 3 | 4 | -1 } : {}),
    ...(until ? { until: untilToLocalDate(until, timeZone) } : {}),
    ...(count ? { count: Number(count) } : {}),
  };
}

function untilToLocalDate(stamp: string, timeZone: string): string {
  const iso = stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z");
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

function ruleOf(schedule: SeriesSchedule): RRuleTemporal {
  const dtstart = Temporal.PlainDateTime.from(schedule.firstStartLocal).toZonedDateTime(schedule.timeZone, {
    disambiguation: "compatible",
  });
  return new RRuleTemporal({ rruleString: schedule.rrule, dtstart, tzid: schedule.timeZone });
}

/** The latest day a series may reach: two years from now. */
export function seriesHorizon(now: Date): Date {
  const horizon = new Date(now);
  horizon.setUTCFullYear(horizon.getUTCFullYear() + MAX_SERIES_YEARS);
  return horizon;
}

/**
 * All occurrences of a series (instants, in order), within the caps: at most 200, none more than two
 * years from `now`. A rule that would go past either is refused with the field to change; a rule with
 * neither an end date nor a count simply stops at the caps.
 */
export function expandSeries(schedule: SeriesSchedule, now: Date): Date[] {
  const horizon = seriesHorizon(now);
  const bounded = /;(UNTIL|COUNT)=/.test(`;${schedule.rrule}`);
  const found: Date[] = [];
  for (const zoned of ruleOf(schedule).all((_, i) => i <= MAX_OCCURRENCES)) {
    found.push(new Date(zoned.epochMilliseconds));
  }
  const beyond = found.findIndex((d) => d > horizon);
  if (!bounded) return found.slice(0, Math.min(MAX_OCCURRENCES, beyond === -1 ? found.length : beyond));
  const field = schedule.rrule.includes("COUNT=") ? "recurrence.count" : "recurrence.until";
  if (beyond !== -1) {
    throw invalid(
      field,
      `A series can run for at most ${MAX_SERIES_YEARS} years, until ${horizon.toISOString().slice(0, 10)}. ${
        field === "recurrence.count" ? "Choose fewer meetings." : "Choose an earlier end date."
      }`,
    );
  }
  if (found.length > MAX_OCCURRENCES) {
    throw invalid(
      field,
      `This would schedule more than ${MAX_OCCURRENCES} meetings. Choose an earlier end date or repeat less often.`,
    );
  }
  if (found.length === 0) {
    throw invalid(field, "No meeting falls on the chosen days before the end date. Choose a later end date.");
  }
  return found;
}

/** The rule in plain words, e.g. "Every 2 weeks on Tuesday at 3:30 PM (America/Chicago) until June 1, 2027". */
export function describeSeries(schedule: SeriesSchedule): string {
  const words = toText(ruleOf(schedule), "en", { excludeTzAbbreviation: true });
  const withZone = words.replace(/ at (\d{1,2}(:\d\d)? ?[AP]M)/, ` at $1 (${schedule.timeZone})`);
  return withZone.charAt(0).toUpperCase() + withZone.slice(1);
}
