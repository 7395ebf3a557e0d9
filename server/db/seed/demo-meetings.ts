import { and, eq, inArray } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { expandSeries, toRRule, weekdayOf } from "../../features/meetings/recurrence.ts";
import { newId } from "../../lib/ids.ts";
import type { Tx } from "../client.ts";
import {
  agendaItems,
  communities,
  meetingRoleAssignments,
  meetingSeries,
  meetings,
  organizations,
  people,
  protocols,
} from "../schema/index.ts";

const COMMUNITY = "Cross-School Critical Friends Group";
const TIME_ZONE = "America/Chicago";
const OCCURRENCES = 12;

/** The first Thursday after today in Chicago, so the demo always has a meeting coming up. */
function nextThursday(): string {
  let day = Temporal.Now.plainDateISO(TIME_ZONE).add({ days: 1 });
  while (weekdayOf(day.toString()) !== "TH") day = day.add({ days: 1 });
  return day.toString();
}

/**
 * Riverside's critical friends group meets every Thursday at 15:30 (Chicago); the next meeting has an
 * agenda: a tuning protocol on teacher1's fractions quiz, then a review of open action items, with
 * roles assigned. Same shape on every run; dates follow the day it is seeded. Skips the protocol item
 * when the built-in tuning protocol is not in the database.
 */
export async function seedDemoMeetings(tx: Tx, orgSlug: string): Promise<void> {
  if (orgSlug !== "riverside") return;
  const [community] = await tx
    .select({ id: communities.id, orgId: communities.orgId })
    .from(communities)
    .innerJoin(organizations, eq(organizations.id, communities.orgId))
    .where(and(eq(organizations.slug, orgSlug), eq(communities.name, COMMUNITY)));
  if (!community) return;
  const staff = await tx
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(
      inArray(
        people.email,
        ["coach", "teacher1", "teacher5", "teacher7"].map((who) => `${who}@riverside.example`),
      ),
    );
  const person = (who: string) => staff.find((p) => p.email === `${who}@riverside.example`)?.id ?? null;
  const coach = person("coach");

  const date = nextThursday();
  const recurrence = {
    frequency: "weekly" as const,
    interval: 1,
    weekdays: ["TH" as const],
    count: OCCURRENCES,
  };
  const schedule = {
    rrule: toRRule(recurrence, date, TIME_ZONE),
    firstStartLocal: `${date}T15:30`,
    timeZone: TIME_ZONE,
  };
  const seriesId = newId();
  const common = { orgId: community.orgId, communityId: community.id, durationMinutes: 75, createdBy: coach };
  const place = "Riverside Middle, Library";
  const title = "Critical friends: weekly meeting";
  await tx.insert(meetingSeries).values({ id: seriesId, ...schedule, ...common, title, place });
  const starts = expandSeries(schedule, new Date());
  const ids = starts.map(() => newId());
  await tx.insert(meetings).values(
    starts.map((start, i) => ({
      id: ids[i] as string,
      ...common,
      seriesId,
      occurrenceStart: start,
      startsAt: start,
      title,
      timeZone: TIME_ZONE,
      place,
    })),
  );
  await planFirstMeeting(tx, community.orgId, ids[0] as string, person);
}

async function planFirstMeeting(
  tx: Tx,
  orgId: string,
  meetingId: string,
  person: (who: string) => string | null,
) {
  const [tuning] = await tx
    .select({ versionId: protocols.currentVersionId, name: protocols.name, minutes: protocols.totalMinutes })
    .from(protocols)
    .where(eq(protocols.slug, "tuning"));
  const items = [
    ...(tuning?.versionId
      ? [
          {
            kind: "protocol" as const,
            title: tuning.name,
            minutes: tuning.minutes,
            protocolVersionId: tuning.versionId,
            presenterId: person("teacher1"),
            focusingQuestion:
              "Does my 4th-grade fractions quiz tell me which students understand equivalent fractions, and which only follow the procedure?",
            material: "Unit 5 fractions quiz (10 items) with three anonymised student papers.",
          },
        ]
      : []),
    { kind: "action_review" as const, title: "Review of open action items", minutes: 10 },
  ];
  await tx
    .insert(agendaItems)
    .values(items.map((item, position) => ({ id: newId(), orgId, meetingId, position, ...item })));
  const roles = [
    ["facilitator", person("coach")],
    ["timekeeper", person("teacher5")],
    ["note_taker", person("teacher7")],
  ] as const;
  await tx
    .insert(meetingRoleAssignments)
    .values(roles.flatMap(([role, personId]) => (personId ? [{ orgId, meetingId, role, personId }] : [])));
}
