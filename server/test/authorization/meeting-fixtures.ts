import { eq } from "drizzle-orm";
import type { MeetingStatus } from "../../../shared/schemas/meeting-enums.ts";
import { actionItems, decisions, meetingSeries, meetings } from "../../db/schema/index.ts";
import { generateMinutes } from "../../features/minutes/generate.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { createMeeting } from "../meeting-factories.ts";
import {
  type Actor,
  type CommunityFx,
  type CommunityTarget,
  community,
  ids,
  shared,
  type Target,
  t,
} from "./matrix.ts";

/**
 * Meeting-side fixtures of the authorization matrix: a meeting (with two agenda items, a decision and an
 * action item owned by the member) in one of the matrix's communities. The secret the answer must never
 * name is the meeting's title.
 */
export type MeetingFx = CommunityFx & {
  meetingId: string;
  title: string;
  itemIds: string[];
  decisionId: string;
  actionItemId: string;
  secret: string;
};

type MeetingOptions = { status?: MeetingStatus; minutes?: boolean; fresh?: boolean };

const sideOf = (target: Target) => (target === "otherDistrict" ? ids.lakeside : ids.riverside);
let daysAhead = 30;

/** A meeting in the target's community: a fresh community for writes, the shared one for reads. */
export async function meetingIn(
  target: Target,
  actor: Actor,
  options: MeetingOptions = {},
): Promise<MeetingFx> {
  const title = unique("Matrix meeting");
  const base =
    options.fresh || target === "nonexistent"
      ? await community(target, actor)
      : shared[target as CommunityTarget];
  if (target === "nonexistent") {
    const none = { itemIds: [newId(), newId()], decisionId: newId(), actionItemId: newId() };
    return { ...base, ...none, meetingId: newId(), title, secret: title };
  }
  const orgId = sideOf(target);
  // Each meeting on its own day, so no two of one community ever overlap.
  const startsAt = new Date(Date.now() + ++daysAhead * 24 * 3600_000);
  const made = await createMeeting(t.db, {
    orgId,
    communityId: base.id,
    title,
    startsAt,
    status: options.status ?? "scheduled",
    items: [{ title: "Opening" }, { title: "Closing" }],
  });
  const decisionId = newId();
  const actionItemId = newId();
  await t.db
    .insert(decisions)
    .values({ id: decisionId, orgId, meetingId: made.id, position: 0, text: "Matrix decision" });
  await t.db.insert(actionItems).values({
    id: actionItemId,
    orgId,
    communityId: base.id,
    meetingId: made.id,
    title: unique("Matrix action"),
    ownerId: base.memberId,
  });
  if (options.minutes) {
    await t.db.transaction((tx) => generateMinutes(tx, { id: made.id, orgId, communityId: base.id }));
  }
  return {
    ...base,
    meetingId: made.id,
    title,
    itemIds: made.itemIds,
    decisionId,
    actionItemId,
    secret: title,
  };
}

/** A weekly series of three in a fresh community, scheduled through the API by its facilitator. */
export async function seriesIn(target: Target, actor: Actor): Promise<MeetingFx & { seriesId: string }> {
  const fx = await meetingIn(target, actor, { fresh: true });
  if (target === "nonexistent") return { ...fx, seriesId: newId() };
  const scheduler = target === "otherDistrict" ? "admin@lakeside.example" : "coach@riverside.example";
  const date = new Date(Date.now() + ++daysAhead * 24 * 3600_000).toISOString().slice(0, 10);
  const weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][new Date(`${date}T12:00:00Z`).getUTCDay()];
  const created = await (await t.as(scheduler)).post(`/api/v1/communities/${fx.id}/meetings`, {
    title: fx.title,
    date,
    startTime: "07:00",
    durationMinutes: 45,
    timeZone: "America/Chicago",
    recurrence: { frequency: "weekly", weekdays: [weekday], count: 3 },
  });
  if (created.status !== 201) throw new Error(`series fixture: ${JSON.stringify(created.body)}`);
  const [row] = await t.db.select().from(meetings).where(eq(meetings.id, created.body.id));
  return { ...fx, seriesId: row?.seriesId ?? "" };
}

export async function meetingRow(id: string) {
  return (await t.db.select().from(meetings).where(eq(meetings.id, id)))[0];
}

export async function seriesRow(id: string) {
  return (await t.db.select().from(meetingSeries).where(eq(meetingSeries.id, id)))[0];
}
