import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_URL, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, orgId, personIdOf } from "../../test/factories.ts";
import { createMeeting } from "../../test/meeting-factories.ts";
import { dayFromNow, meetingBody, meetingFixtures } from "../meetings/test-helpers.ts";

let t: TestApp;
let f: Awaited<ReturnType<typeof meetingFixtures>>;
const as = (who: string) => t.as(`${who}@riverside.example`);

beforeAll(async () => {
  t = await startTestApp();
  f = await meetingFixtures(t);
});
afterAll(() => t.close());

type Event = {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  start: Date;
  description: string;
  url: string;
  location: string;
};

/** Parses an iCalendar document as calendar apps do (ical.js) and returns its events. */
function parse(text: string): Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  return calendar.getAllSubcomponents("vevent").map((event) => ({
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence") ?? 0),
    status: String(event.getFirstPropertyValue("status")),
    summary: String(event.getFirstPropertyValue("summary")),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    description: String(event.getFirstPropertyValue("description") ?? ""),
    url: String(event.getFirstPropertyValue("url") ?? ""),
    location: String(event.getFirstPropertyValue("location") ?? ""),
  }));
}

/** GETs a path without a session, as a calendar app would. */
async function fetchFeed(url: string) {
  const response = await t.app.inject({ method: "GET", url: url.replace(PUBLIC_URL, "") });
  return { status: response.statusCode, body: response.body, type: String(response.headers["content-type"]) };
}

async function schedule(title: string, days: number, communityId = f.communityId) {
  const created = await (await as("coach")).post(
    `/api/v1/communities/${communityId}/meetings`,
    meetingBody({ title, date: dayFromNow(days) }),
  );
  expect(created.status).toBe(201);
  return created.body;
}

describe("a meeting's .ics file", () => {
  it("parses, with the meeting's UID, time, place, link and agenda", async () => {
    const meeting = await schedule("Fractions tuning", 4);
    const coach = await as("coach");
    await coach.post(`/api/v1/meetings/${meeting.id}/agenda-items`, {
      kind: "discussion",
      title: "Quiz results",
      minutes: 20,
      presenterId: f.people.teacher1,
      focusingQuestion: "Which items confused the most students?",
    });
    const response = await (await as("teacher1")).get(`/api/v1/meetings/${meeting.id}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(String(response.headers["content-type"])).toContain("text/calendar");
    expect(String(response.headers["content-disposition"])).toContain("Fractions%20tuning.ics");
    const [event] = parse(response.body);
    expect(event).toMatchObject({
      uid: `${meeting.id}@localhost`,
      status: "CONFIRMED",
      summary: "Fractions tuning",
      url: `${PUBLIC_URL}/meetings/${meeting.id}`,
      location: "Room 114 · https://meet.example.org/grade4",
    });
    expect(event?.start.getTime()).toBe(new Date(meeting.startsAt).getTime());
    expect(event?.description).toContain("1. Quiz results (20 min) — presenter: Jordan Lee");
    expect(event?.description).toContain("Focusing question: Which items confused the most students?");
  });

  it("is 404 for another district and for non-members of a private community", async () => {
    const meeting = await schedule("Private planning", 5);
    expect(
      (await (await t.as("admin@lakeside.example")).get(`/api/v1/meetings/${meeting.id}/calendar.ics`))
        .status,
    ).toBe(404);
    expect((await (await as("teacher3")).get(`/api/v1/meetings/${meeting.id}/calendar.ics`)).status).toBe(
      404,
    );
    expect((await t.anonymous.get(`/api/v1/meetings/${meeting.id}/calendar.ics`)).status).toBe(401);
  });
});

describe("the private subscription", () => {
  it("has no URL until created; the URL then serves the person's meetings without a session", async () => {
    const teacher = await as("teacher2");
    expect((await teacher.get("/api/v1/calendar/feed")).body).toEqual({ url: null, createdAt: null });
    const created = await teacher.post("/api/v1/calendar/feed");
    expect(created.status).toBe(200);
    expect(created.body.url).toMatch(/^http:\/\/localhost:3000\/calendar\/feeds\/[\w-]+\.ics$/);
    // The same URL is shown again later (only a hash of its token is stored).
    expect((await teacher.get("/api/v1/calendar/feed")).body.url).toBe(created.body.url);
    const meeting = await schedule("Feed check", 6);
    const feed = await fetchFeed(created.body.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain("text/calendar");
    const uids = parse(feed.body).map((e) => e.uid);
    expect(uids).toContain(`${meeting.id}@localhost`);
    const stored = await t.db.execute<{ token_hash: string }>("select token_hash from calendar_feeds");
    expect(JSON.stringify(stored.rows)).not.toContain(
      created.body.url.split("/").at(-1)?.replace(".ics", ""),
    );
  });

  it("regenerating kills the old URL", async () => {
    const teacher = await as("teacher1");
    const first = (await teacher.post("/api/v1/calendar/feed")).body.url;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = (await teacher.post("/api/v1/calendar/feed")).body.url;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await fetchFeed("/calendar/feeds/not-a-real-token-at-all-0000.ics")).status).toBe(404);
  });

  it("shows a cancelled meeting as STATUS:CANCELLED with a higher SEQUENCE, and a move with a higher one still", async () => {
    const teacher = await as("teacher1");
    const url = (await teacher.post("/api/v1/calendar/feed")).body.url;
    const meeting = await schedule("Will be cancelled", 7);
    const before = parse((await fetchFeed(url)).body).find((e) => e.uid.startsWith(meeting.id));
    expect(before).toMatchObject({ status: "CONFIRMED", sequence: 0 });
    await (await as("coach")).post(`/api/v1/meetings/${meeting.id}/cancel`);
    const after = parse((await fetchFeed(url)).body).find((e) => e.uid.startsWith(meeting.id));
    expect(after?.status).toBe("CANCELLED");
    expect(after?.sequence).toBeGreaterThan(before?.sequence ?? 0);
    await (await as("coach")).post(`/api/v1/meetings/${meeting.id}/restore`);
    await (await as("coach")).patch(`/api/v1/meetings/${meeting.id}`, { startTime: "08:00" });
    const moved = parse((await fetchFeed(url)).body).find((e) => e.uid.startsWith(meeting.id));
    expect(moved?.status).toBe("CONFIRMED");
    expect(moved?.sequence).toBeGreaterThan(after?.sequence ?? 0);
  });

  it("never lists another district's meetings, nor those of communities the person is not in", async () => {
    const lakeside = await orgId(t.db, "lakeside");
    const lakesideCommunity = await createCommunity(t.db, {
      orgId: lakeside,
      visibility: "organization",
      members: [[await personIdOf(t.db, "admin@lakeside.example"), "facilitator"]],
    });
    const foreign = await createMeeting(t.db, {
      orgId: lakeside,
      communityId: lakesideCommunity.id,
      title: "Lakeside only",
    });
    const elsewhere = await schedule("Other community", 8, f.visibleCommunityId);
    const url = (await (await as("teacher2")).post("/api/v1/calendar/feed")).body.url;
    const events = parse((await fetchFeed(url)).body);
    expect(events.map((e) => e.uid)).not.toContain(`${foreign.id}@localhost`);
    expect(events.map((e) => e.uid)).not.toContain(`${elsewhere.id}@localhost`);
    expect(events.map((e) => e.summary)).not.toContain("Lakeside only");
    // Lakeside's own feed has its meeting and none of Riverside's.
    const lakesideUrl = (await (await t.as("admin@lakeside.example")).post("/api/v1/calendar/feed")).body.url;
    const theirs = parse((await fetchFeed(lakesideUrl)).body);
    expect(theirs.map((e) => e.summary)).toEqual(["Lakeside only"]);
  });

  it("drops a community's meetings once the person leaves it, and stops working when they are deactivated", async () => {
    const teacher = await as("teacher2");
    const url = (await teacher.post("/api/v1/calendar/feed")).body.url;
    const meeting = await schedule("After leaving", 9);
    expect(parse((await fetchFeed(url)).body).map((e) => e.uid)).toContain(`${meeting.id}@localhost`);
    await t.db.execute(
      `update memberships set status = 'left' where community_id = '${f.communityId}' and person_id = '${f.people.teacher2}'`,
    );
    expect(parse((await fetchFeed(url)).body).map((e) => e.uid)).not.toContain(`${meeting.id}@localhost`);
    await t.db.execute(`update people set status = 'deactivated' where id = '${f.people.teacher2}'`);
    expect((await fetchFeed(url)).status).toBe(404);
  });
});
