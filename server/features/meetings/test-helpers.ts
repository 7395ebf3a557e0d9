import { Temporal } from "temporal-polyfill";
import type { TestApp } from "../../test/app.ts";
import { createCommunity, orgId, personIdOf } from "../../test/factories.ts";
import { weekdayOf } from "./recurrence.ts";

/** A calendar day `days` from today in a zone (tests schedule relative to the real clock). */
export function dayFromNow(days: number, timeZone = "America/Chicago"): string {
  return Temporal.Now.plainDateISO(timeZone).add({ days }).toString();
}

/** The next date from `days` on that falls on a weekday, e.g. the next Thursday two weeks ahead. */
export function nextWeekday(
  days: number,
  weekday: ReturnType<typeof weekdayOf>,
  timeZone = "America/Chicago",
) {
  for (let i = days; i < days + 7; i++) {
    const date = dayFromNow(i, timeZone);
    if (weekdayOf(date) === weekday) return date;
  }
  throw new Error("unreachable");
}

/**
 * A private community of Riverside: coach@ facilitates; teacher1@, teacher2@ are members, parent@ a
 * partner and teacher4@ an observer; teacher3@ is not in it. Plus a district-visible one without teacher3.
 */
export async function meetingFixtures(t: TestApp) {
  const riverside = await orgId(t.db, "riverside");
  const id = (email: string) => personIdOf(t.db, `${email}@riverside.example`);
  const [coach, teacher1, teacher2, parent, teacher4, teacher8] = await Promise.all(
    ["coach", "teacher1", "teacher2", "parent", "teacher4", "teacher8"].map(id),
  );
  const members: [string, "facilitator" | "member" | "partner" | "observer"][] = [
    [coach as string, "facilitator"],
    [teacher1 as string, "member"],
    [teacher2 as string, "member"],
    [parent as string, "partner"],
    [teacher4 as string, "observer"],
  ];
  const privateCommunity = await createCommunity(t.db, { orgId: riverside, visibility: "private", members });
  const visibleCommunity = await createCommunity(t.db, {
    orgId: riverside,
    visibility: "organization",
    members: [[coach as string, "facilitator"]],
  });
  return {
    riverside,
    people: { coach, teacher1, teacher2, parent, teacher4, teacher8 } as Record<string, string>,
    communityId: privateCommunity.id,
    visibleCommunityId: visibleCommunity.id,
  };
}

/** A valid single meeting a few days ahead, overridable field by field. */
export const meetingBody = (overrides: Record<string, unknown> = {}) => ({
  title: "Grade 4 team meeting",
  date: dayFromNow(3),
  startTime: "15:30",
  durationMinutes: 60,
  timeZone: "America/Chicago",
  place: "Room 114",
  videoUrl: "https://meet.example.org/grade4",
  ...overrides,
});
