import { describe, expect, it } from "vitest";
import type { AppError } from "../../http/errors.ts";
import {
  describeSeries,
  expandSeries,
  instantToWallClock,
  parseRRule,
  toRRule,
  wallClockToInstant,
} from "./recurrence.ts";

const now = new Date("2026-11-23T12:00:00Z");
const local = (dates: Date[], tz: string) =>
  dates.map((d) => {
    const w = instantToWallClock(d, tz);
    return `${w.date} ${w.time}`;
  });

function series(rule: Parameters<typeof toRRule>[0], date: string, time: string, timeZone: string) {
  return { rrule: toRRule(rule, date, timeZone), firstStartLocal: `${date}T${time}`, timeZone };
}

function refusal(run: () => unknown): { path: string; message: string } {
  try {
    run();
  } catch (error) {
    return (error as AppError).errors[0] as { path: string; message: string };
  }
  throw new Error("expected the rule to be refused");
}

describe("weekly rules", () => {
  it("meets every Friday at 15:30 and says so in words", () => {
    const s = series(
      { frequency: "weekly", interval: 1, weekdays: ["FR"], count: 3 },
      "2026-11-27",
      "15:30",
      "America/Chicago",
    );
    expect(s.rrule).toBe("FREQ=WEEKLY;INTERVAL=1;BYDAY=FR;COUNT=3");
    expect(local(expandSeries(s, now), "America/Chicago")).toEqual([
      "2026-11-27 15:30",
      "2026-12-04 15:30",
      "2026-12-11 15:30",
    ]);
    expect(describeSeries(s)).toBe("Every week on Friday at 3:30 PM (America/Chicago) for 3 times");
  });

  it("meets every other Tuesday, starting on the first Tuesday on or after the first date", () => {
    const s = series(
      { frequency: "weekly", interval: 2, weekdays: ["TU"], count: 3 },
      "2026-11-23",
      "16:00",
      "America/New_York",
    );
    expect(local(expandSeries(s, now), "America/New_York")).toEqual([
      "2026-11-24 16:00",
      "2026-12-08 16:00",
      "2026-12-22 16:00",
    ]);
  });

  it("meets on several weekdays of the same week", () => {
    const s = series(
      { frequency: "weekly", interval: 1, weekdays: ["TH", "MO"], count: 4 },
      "2026-11-23",
      "08:00",
      "UTC",
    );
    expect(s.rrule).toContain("BYDAY=MO,TH");
    expect(local(expandSeries(s, now), "UTC")).toEqual([
      "2026-11-23 08:00",
      "2026-11-26 08:00",
      "2026-11-30 08:00",
      "2026-12-03 08:00",
    ]);
  });
});

describe("monthly rules", () => {
  it("meets on the first Monday of every month", () => {
    const s = series(
      { frequency: "monthly", interval: 1, weekdays: ["MO"], monthWeek: 1, count: 4 },
      "2026-11-24",
      "15:30",
      "America/Chicago",
    );
    expect(s.rrule).toBe("FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO;COUNT=4");
    expect(local(expandSeries(s, now), "America/Chicago")).toEqual([
      "2026-12-07 15:30",
      "2027-01-04 15:30",
      "2027-02-01 15:30",
      "2027-03-01 15:30",
    ]);
    expect(describeSeries(s)).toContain("1st Monday");
  });

  it("meets on the last Thursday, taking the weekday from the first date when none is chosen", () => {
    const s = series(
      { frequency: "monthly", interval: 1, weekdays: [], monthWeek: -1, count: 2 },
      "2026-11-26",
      "17:00",
      "Europe/Berlin",
    );
    expect(s.rrule).toContain("BYDAY=-1TH");
    expect(local(expandSeries(s, now), "Europe/Berlin")).toEqual(["2026-11-26 17:00", "2026-12-31 17:00"]);
  });
});

describe("daylight-saving time", () => {
  it("keeps 15:30 in Chicago when DST starts (14 March 2027): the UTC time moves, the wall clock does not", () => {
    const s = series(
      { frequency: "weekly", interval: 1, weekdays: ["TH"], until: "2027-03-25" },
      "2027-03-04",
      "15:30",
      "America/Chicago",
    );
    const starts = expandSeries(s, now);
    expect(local(starts, "America/Chicago")).toEqual([
      "2027-03-04 15:30",
      "2027-03-11 15:30",
      "2027-03-18 15:30",
      "2027-03-25 15:30",
    ]);
    expect(starts.map((d) => d.toISOString().slice(11, 16))).toEqual(["21:30", "21:30", "20:30", "20:30"]);
  });

  it("keeps 15:30 in Berlin across the end of summer time (31 October 2027)", () => {
    const s = series(
      { frequency: "weekly", interval: 1, weekdays: ["WE"], count: 3 },
      "2027-10-20",
      "15:30",
      "Europe/Berlin",
    );
    const starts = expandSeries(s, now);
    expect(local(starts, "Europe/Berlin")).toEqual([
      "2027-10-20 15:30",
      "2027-10-27 15:30",
      "2027-11-03 15:30",
    ]);
    expect(starts.map((d) => d.toISOString().slice(11, 16))).toEqual(["13:30", "13:30", "14:30"]);
  });

  it("moves a wall-clock time skipped by the spring change forward, as calendars do", () => {
    expect(wallClockToInstant("2027-03-14", "02:30", "America/Chicago").toISOString()).toBe(
      "2027-03-14T08:30:00.000Z",
    );
  });
});

describe("ends and caps", () => {
  it("includes the whole 'until' day in the series' time zone", () => {
    const s = series(
      { frequency: "weekly", interval: 1, weekdays: ["TH"], until: "2026-12-10" },
      "2026-11-26",
      "23:00",
      "America/Chicago",
    );
    expect(local(expandSeries(s, now), "America/Chicago").at(-1)).toBe("2026-12-10 23:00");
  });

  it("reads back the rule it wrote", () => {
    const rule = {
      frequency: "weekly" as const,
      interval: 2,
      weekdays: ["TU" as const],
      until: "2027-06-01",
    };
    expect(parseRRule(toRRule(rule, "2026-11-24", "America/Chicago"), "America/Chicago")).toEqual(rule);
    const monthly = {
      frequency: "monthly" as const,
      interval: 1,
      weekdays: ["MO" as const],
      monthWeek: 1 as const,
      count: 5,
    };
    expect(parseRRule(toRRule(monthly, "2026-11-24", "UTC"), "UTC")).toEqual(monthly);
  });

  it("refuses an end date more than two years ahead", () => {
    const s = series(
      { frequency: "monthly", interval: 1, weekdays: ["MO"], monthWeek: 1, until: "2029-01-01" },
      "2026-12-01",
      "15:00",
      "UTC",
    );
    expect(refusal(() => expandSeries(s, now))).toMatchObject({
      path: "recurrence.until",
      message: expect.stringContaining("at most 2 years"),
    });
  });

  it("refuses a count that runs past two years", () => {
    const s = series(
      { frequency: "weekly", interval: 1, weekdays: ["MO"], count: 150 },
      "2026-11-30",
      "15:00",
      "UTC",
    );
    expect(refusal(() => expandSeries(s, now)).path).toBe("recurrence.count");
  });

  it("refuses more than 200 meetings", () => {
    const s = series(
      { frequency: "weekly", interval: 1, weekdays: ["MO", "TU", "WE", "TH", "FR"], until: "2027-11-01" },
      "2026-11-23",
      "07:00",
      "UTC",
    );
    expect(refusal(() => expandSeries(s, now))).toMatchObject({
      path: "recurrence.until",
      message: expect.stringContaining("more than 200"),
    });
  });

  it("stops an open-ended rule at the caps instead of refusing it", () => {
    const weekly = {
      rrule: "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH",
      firstStartLocal: "2026-11-26T15:30",
      timeZone: "America/Chicago",
    };
    const starts = expandSeries(weekly, now);
    expect(starts.length).toBe(104); // 26 Nov 2026 … 16 Nov 2028; 23 Nov 2028 15:30 is past the two-year horizon
    expect(starts.at(-1)?.getTime()).toBeLessThanOrEqual(new Date("2028-11-23T12:00:00Z").getTime());
    const daily = {
      rrule: "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR",
      firstStartLocal: "2026-11-23T07:00",
      timeZone: "UTC",
    };
    expect(expandSeries(daily, now).length).toBe(200);
  });

  it("refuses an end date on which no meeting falls", () => {
    const s = series(
      { frequency: "monthly", interval: 1, weekdays: ["MO"], monthWeek: 1, until: "2026-11-30" },
      "2026-11-24",
      "15:00",
      "UTC",
    );
    expect(refusal(() => expandSeries(s, now)).message).toContain("No meeting falls");
  });
});
