import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { dayFromNow, meetingBody, meetingFixtures, nextWeekday } from "./test-helpers.ts";

let t: TestApp;
let f: Awaited<ReturnType<typeof meetingFixtures>>;
const as = (who: string) => t.as(who.includes("@") ? who : `${who}@riverside.example`);
const meetingsOf = (id: string) => `/api/v1/communities/${id}/meetings`;

beforeAll(async () => {
  t = await startTestApp();
  f = await meetingFixtures(t);
});
afterAll(() => t.close());

describe("scheduling one meeting", () => {
  it("creates it for the facilitator, shows it to members, and lists it as upcoming", async () => {
    const coach = await as("coach");
    const created = await coach.post(meetingsOf(f.communityId), meetingBody({ date: dayFromNow(2) }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Grade 4 team meeting",
      status: "scheduled",
      durationMinutes: 60,
      timeZone: "America/Chicago",
      place: "Room 114",
      series: null,
      occurrenceCount: 1,
      can: { edit: true, cancel: true, editAgenda: true },
    });
    const read = await (await as("teacher1")).get(`/api/v1/meetings/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.can).toMatchObject({ edit: false, cancel: false, editAgenda: false, run: false });
    const list = await (await as("parent")).get(meetingsOf(f.communityId));
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(created.body.id);
  });

  it("keeps 15:30 as 15:30 in the meeting's time zone", async () => {
    const coach = await as("coach");
    const date = dayFromNow(5);
    const created = await coach.post(meetingsOf(f.communityId), meetingBody({ date, startTime: "07:15" }));
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "America/Chicago",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(created.body.startsAt));
    expect(local).toBe("07:15");
    expect(new Date(created.body.endsAt).getTime() - new Date(created.body.startsAt).getTime()).toBe(
      3_600_000,
    );
  });

  it("creates once when retried with the same Idempotency-Key", async () => {
    const coach = await as("coach");
    const body = meetingBody({ date: dayFromNow(6), title: "Retried" });
    const headers = { "idempotency-key": "meeting-retry-0001" };
    const [a, b] = await Promise.all([
      coach.post(meetingsOf(f.communityId), body, headers),
      coach.post(meetingsOf(f.communityId), body, headers),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
  });

  it.each([
    ["durationMinutes", { durationMinutes: 0 }, "at least 1 minute"],
    ["durationMinutes", { durationMinutes: 721 }, "at most 12 hours"],
    ["date", { date: dayFromNow(-3) }, "in the past"],
    ["date", { date: "2026-02-30" }, "does not exist"],
    ["startTime", { startTime: "25:00" }, "HH:MM"],
    ["timeZone", { timeZone: "Mars/Olympus_Mons" }, "time zone"],
    ["videoUrl", { videoUrl: "http://meet.example.org/x" }, "https://"],
    ["videoUrl", { videoUrl: "javascript:alert(1)" }, "https://"],
    ["title", { title: "  " }, "Enter a title"],
  ])("refuses a bad %s and says what to fix", async (path, overrides, words) => {
    const coach = await as("coach");
    const response = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({ date: dayFromNow(8), ...overrides }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe(path);
    expect(response.body.errors[0].message).toContain(words);
  });

  it("refuses a meeting that overlaps another one of the community, naming it", async () => {
    const coach = await as("coach");
    const date = dayFromNow(9);
    const first = await coach.post(meetingsOf(f.communityId), meetingBody({ date, title: "Data dig" }));
    expect(first.status).toBe(201);
    const clash = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({ date, startTime: "16:00", title: "Other" }),
    );
    expect(clash.status).toBe(409);
    expect(clash.body.errors[0].path).toBe("startTime");
    expect(clash.body.errors[0].message).toContain("“Data dig”");
    expect(clash.body.errors[0].message).toContain("3:30 PM (America/Chicago)");
    const after = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({ date, startTime: "16:30", title: "Back to back" }),
    );
    expect(after.status).toBe(201);
  });
});

describe("who may schedule and read", () => {
  it("lets a member read but not schedule (403), and a non-member not even see it (404)", async () => {
    const member = await (await as("teacher1")).post(
      meetingsOf(f.communityId),
      meetingBody({ date: dayFromNow(10) }),
    );
    expect(member.status).toBe(403);
    const observer = await (await as("teacher4")).post(
      meetingsOf(f.communityId),
      meetingBody({ date: dayFromNow(10) }),
    );
    expect(observer.status).toBe(403);
    const outsider = await as("teacher3");
    expect((await outsider.get(meetingsOf(f.communityId))).status).toBe(404);
    expect((await outsider.post(meetingsOf(f.communityId), meetingBody())).status).toBe(404);
  });

  it("hides a meeting from another district and from non-members of a private community (404)", async () => {
    const coach = await as("coach");
    const created = await coach.post(meetingsOf(f.communityId), meetingBody({ date: dayFromNow(11) }));
    const lakeside = await t.as("admin@lakeside.example");
    for (const response of [
      await lakeside.get(`/api/v1/meetings/${created.body.id}`),
      await lakeside.patch(`/api/v1/meetings/${created.body.id}`, { title: "Mine now" }),
      await lakeside.post(`/api/v1/meetings/${created.body.id}/cancel`),
      await lakeside.get(meetingsOf(f.communityId)),
      await (await as("teacher3")).get(`/api/v1/meetings/${created.body.id}`),
    ]) {
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain("Grade 4");
    }
  });

  it("answers 403 to a district colleague who can see a district-visible community but is not in it", async () => {
    const coach = await as("coach");
    const created = await coach.post(meetingsOf(f.visibleCommunityId), meetingBody({ date: dayFromNow(12) }));
    expect(created.status).toBe(201);
    const outsider = await as("teacher3");
    expect((await outsider.get(`/api/v1/meetings/${created.body.id}`)).status).toBe(403);
    expect((await outsider.get(meetingsOf(f.visibleCommunityId))).status).toBe(403);
  });

  it("lets the district administrator schedule in any community of the district", async () => {
    const admin = await as("admin");
    const created = await admin.post(meetingsOf(f.communityId), meetingBody({ date: dayFromNow(13) }));
    expect(created.status).toBe(201);
    expect(created.body.can.edit).toBe(true);
  });

  it("requires a session", async () => {
    expect((await t.anonymous.get(meetingsOf(f.communityId))).status).toBe(401);
  });
});

describe("moving and cancelling one meeting", () => {
  it("moves a meeting to another day, time and place; members may not", async () => {
    const coach = await as("coach");
    const created = await coach.post(meetingsOf(f.communityId), meetingBody({ date: dayFromNow(14) }));
    const moved = await coach.patch(`/api/v1/meetings/${created.body.id}`, {
      date: dayFromNow(15),
      startTime: "09:00",
      place: "Library",
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ place: "Library", title: "Grade 4 team meeting" });
    expect(new Date(moved.body.startsAt).getTime()).toBeGreaterThan(
      new Date(created.body.startsAt).getTime(),
    );
    const bad = await coach.patch(`/api/v1/meetings/${created.body.id}`, { durationMinutes: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("durationMinutes");
    const member = await (await as("teacher1")).patch(`/api/v1/meetings/${created.body.id}`, { title: "x" });
    expect(member.status).toBe(403);
  });

  it("cancels and restores a meeting; a restored one must still have its time free", async () => {
    const coach = await as("coach");
    const date = dayFromNow(16);
    const created = await coach.post(meetingsOf(f.communityId), meetingBody({ date }));
    const cancelled = await coach.post(`/api/v1/meetings/${created.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: "cancelled", can: { restore: true, edit: false } });
    // Its slot is free now…
    const other = await coach.post(meetingsOf(f.communityId), meetingBody({ date, title: "Replacement" }));
    expect(other.status).toBe(201);
    // …so it cannot come back on top of the replacement.
    const restore = await coach.post(`/api/v1/meetings/${created.body.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.detail).toContain("Replacement");
    await coach.post(`/api/v1/meetings/${other.body.id}/cancel`);
    expect((await coach.post(`/api/v1/meetings/${created.body.id}/restore`)).body.status).toBe("scheduled");
  });

  it("records scheduling, cancelling and restoring in the district's audit log", async () => {
    const coach = await as("coach");
    const title = `Audited ${Date.now()}`;
    const created = await coach.post(meetingsOf(f.communityId), meetingBody({ date: dayFromNow(19), title }));
    await coach.post(`/api/v1/meetings/${created.body.id}/cancel`);
    await coach.post(`/api/v1/meetings/${created.body.id}/restore`);
    const admin = await as("admin");
    for (const action of ["meeting.scheduled", "meeting.cancelled", "meeting.restored"]) {
      const audit = await admin.get(`/api/v1/audit?action=${action}`);
      expect(audit.body.items[0], action).toMatchObject({ subjectName: title, details: { title } });
    }
  });

  it("refuses to move or cancel a meeting that is live or ended (409)", async () => {
    const coach = await as("coach");
    const created = await coach.post(meetingsOf(f.communityId), meetingBody({ date: dayFromNow(17) }));
    await t.db.execute(`update meetings set status = 'live' where id = '${created.body.id}'`);
    const move = await coach.patch(`/api/v1/meetings/${created.body.id}`, { startTime: "10:00" });
    expect(move.status).toBe(409);
    expect(move.body.detail).toContain("in progress");
    await t.db.execute(`update meetings set status = 'ended' where id = '${created.body.id}'`);
    const cancel = await coach.post(`/api/v1/meetings/${created.body.id}/cancel`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.detail).toContain("has ended");
  });
});

describe("a weekly series", () => {
  it("writes out every occurrence in one go, describes itself, and lists them in order", async () => {
    const coach = await as("coach");
    const date = nextWeekday(20, "TH");
    const created = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({
        title: "Weekly PLC",
        date,
        startTime: "15:30",
        recurrence: { frequency: "weekly", weekdays: ["TH"], count: 6 },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.occurrenceCount).toBe(6);
    expect(created.body.series.upcomingCount).toBe(5); // besides the one shown
    expect(created.body.series.summary).toBe(
      "Every week on Thursday at 3:30 PM (America/Chicago) for 6 times",
    );
    expect(created.body.series.recurrence).toMatchObject({
      frequency: "weekly",
      interval: 1,
      weekdays: ["TH"],
      count: 6,
    });
    const list = await coach.get(`${meetingsOf(f.communityId)}?limit=100`);
    const series = list.body.items.filter((m: { seriesId: string }) => m.seriesId === created.body.series.id);
    expect(series).toHaveLength(6);
    const local = series.map((m: { startsAt: string }) =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "America/Chicago",
        weekday: "short",
        hour: "2-digit",
        minute: "2-digit",
      }).format(new Date(m.startsAt)),
    );
    expect(new Set(local)).toEqual(new Set(["Thu 15:30"]));
  });

  it("refuses bad rules, naming the field", async () => {
    const coach = await as("coach");
    const cases: [Record<string, unknown>, string, string][] = [
      [{ frequency: "weekly", weekdays: [] }, "recurrence.weekdays", "at least one day"],
      [{ frequency: "weekly", weekdays: ["MO"], interval: 0 }, "recurrence.interval", "at least every 1"],
      [
        { frequency: "weekly", weekdays: ["MO"], until: dayFromNow(1) },
        "recurrence.until",
        "can't end before",
      ],
      [
        { frequency: "weekly", weekdays: ["MO"], until: dayFromNow(900) },
        "recurrence.until",
        "at most 2 years",
      ],
      [{ frequency: "weekly", weekdays: ["MO"], count: 201 }, "recurrence.count", "at most 200"],
      [{ frequency: "monthly", weekdays: ["MO"] }, "recurrence.monthWeek", "which week"],
      [{ frequency: "daily" }, "recurrence.frequency", "weekly or monthly"],
    ];
    for (const [recurrence, path, words] of cases) {
      const response = await coach.post(
        meetingsOf(f.communityId),
        meetingBody({ date: dayFromNow(30), recurrence }),
      );
      expect(response.status, path).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
      expect(response.body.errors[0].message).toContain(words);
    }
  });

  it("saves nothing when one occurrence would overlap another meeting", async () => {
    const coach = await as("coach");
    const date = nextWeekday(40, "TU");
    const blocker = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({
        title: "Family night",
        date: dayFromNow(daysBetween(dayFromNow(0), date) + 14),
        startTime: "15:00",
      }),
    );
    expect(blocker.status).toBe(201);
    const before = (await coach.get(`${meetingsOf(f.communityId)}?limit=100`)).body.items.length;
    const series = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({
        title: "Tuesday team",
        date,
        recurrence: { frequency: "weekly", weekdays: ["TU"], count: 4 },
      }),
    );
    expect(series.status).toBe(409);
    expect(series.body.errors[0].message).toContain("Family night");
    expect((await coach.get(`${meetingsOf(f.communityId)}?limit=100`)).body.items.length).toBe(before);
  });

  it("edits title and place of future untouched occurrences, leaving a moved one alone", async () => {
    const coach = await as("coach");
    const date = nextWeekday(50, "MO");
    const created = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({
        title: "Monday team",
        date,
        startTime: "08:00",
        recurrence: { frequency: "weekly", weekdays: ["MO"], count: 4 },
      }),
    );
    const seriesId = created.body.series.id;
    const ids = await seriesMeetingIds(seriesId);
    const moved = await coach.patch(`/api/v1/meetings/${ids[1]}`, { startTime: "09:30" });
    expect(moved.body.moved).toBe(true);
    const edit = await coach.patch(`/api/v1/meeting-series/${seriesId}`, {
      title: "Monday math team",
      place: "Room 2",
    });
    expect(edit.status).toBe(200);
    expect(edit.body.updated).toBe(3);
    const titles = await Promise.all(
      ids.map(async (id) => (await coach.get(`/api/v1/meetings/${id}`)).body.title),
    );
    expect(titles).toEqual(["Monday math team", "Monday team", "Monday math team", "Monday math team"]);
    expect(
      (await (await as("teacher1")).patch(`/api/v1/meeting-series/${seriesId}`, { title: "x" })).status,
    ).toBe(403);
    const lakeside = await t.as("admin@lakeside.example");
    expect((await lakeside.patch(`/api/v1/meeting-series/${seriesId}`, { title: "x" })).status).toBe(404);
  });

  it("regenerates future occurrences on a new rule, keeping the one that already has an agenda", async () => {
    const coach = await as("coach");
    const date = nextWeekday(70, "WE");
    const created = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({
        title: "Wednesday team",
        date,
        startTime: "15:30",
        recurrence: { frequency: "weekly", weekdays: ["WE"], count: 4 },
      }),
    );
    const seriesId = created.body.series.id;
    const ids = await seriesMeetingIds(seriesId);
    const planned = await coach.post(`/api/v1/meetings/${ids[2]}/agenda-items`, {
      kind: "discussion",
      title: "Unit plan",
    });
    expect(planned.status).toBe(201);
    const edit = await coach.patch(`/api/v1/meeting-series/${seriesId}`, {
      startTime: "16:00",
      recurrence: { frequency: "weekly", interval: 2, weekdays: ["WE"], count: 4 },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.series.summary).toBe("Every 2 weeks on Wednesday at 4 PM (America/Chicago) for 4 times");
    // Old occurrences 1, 2 and 4 had nothing planned and were replaced; 3 kept its agenda and moved to 16:00.
    expect(edit.body.removed).toBe(3);
    const kept = await coach.get(`/api/v1/meetings/${ids[2]}`);
    expect(kept.body.agenda[0].title).toBe("Unit plan");
    expect(
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "America/Chicago",
        hour: "2-digit",
        minute: "2-digit",
      }).format(new Date(kept.body.startsAt)),
    ).toBe("16:00");
    const after = await seriesMeetingIds(seriesId);
    expect(after).toHaveLength(4);
    expect(after).toContain(ids[2]);
  });

  it("cancels the series from a date: later occurrences cancelled, the rule ends the day before", async () => {
    const coach = await as("coach");
    const date = nextWeekday(90, "FR");
    const created = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({
        title: "Friday team",
        date,
        recurrence: { frequency: "weekly", weekdays: ["FR"], count: 5 },
      }),
    );
    const seriesId = created.body.series.id;
    const from = dayFromNow(daysBetween(dayFromNow(0), date) + 14);
    const response = await coach.post(`/api/v1/meeting-series/${seriesId}/cancel`, { from });
    expect(response.status).toBe(200);
    expect(response.body.cancelled).toBe(3);
    expect(response.body.series.summary).toContain("until");
    const statuses = await Promise.all(
      (await seriesMeetingIds(seriesId)).map(
        async (id) => (await coach.get(`/api/v1/meetings/${id}`)).body.status,
      ),
    );
    expect(statuses).toEqual(["scheduled", "scheduled", "cancelled", "cancelled", "cancelled"]);
  });
});

describe("listing", () => {
  it("pages through upcoming meetings with a cursor and shows past ones latest first", async () => {
    const coach = await as("coach");
    const first = await coach.get(`${meetingsOf(f.communityId)}?limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await coach.get(`${meetingsOf(f.communityId)}?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].startsAt >= first.body.items[1].startsAt).toBe(true);
    expect(second.body.items.map((m: { id: string }) => m.id)).not.toContain(first.body.items[1].id);
    const past = await coach.get(`${meetingsOf(f.communityId)}?when=past`);
    expect(past.status).toBe(200);
    const bad = await coach.get(`${meetingsOf(f.communityId)}?cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("cursor");
  });
});

describe("the home page", () => {
  it("shows members their communities' meetings of the next 14 days, and nobody else's", async () => {
    const coach = await as("coach");
    const soon = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({ title: "Soon", date: dayFromNow(1), startTime: "06:00" }),
    );
    const later = await coach.post(
      meetingsOf(f.communityId),
      meetingBody({ title: "Later", date: dayFromNow(25), startTime: "06:00" }),
    );
    const home = await (await as("teacher1")).get("/api/v1/home");
    const ids = home.body.upcomingMeetings.map((m: { id: string }) => m.id);
    expect(ids).toContain(soon.body.id);
    expect(ids).not.toContain(later.body.id);
    expect(home.body.upcomingMeetings.find((m: { id: string }) => m.id === soon.body.id)).toMatchObject({
      title: "Soon",
      communityName: expect.any(String),
      status: "scheduled",
    });
    const outsider = await (await as("teacher3")).get("/api/v1/home");
    expect(outsider.body.upcomingMeetings.map((m: { id: string }) => m.id)).not.toContain(soon.body.id);
  });
});

describe("the demo district", () => {
  it("has the critical friends group meeting on Thursdays at 15:30, the next one planned", async () => {
    const coach = await as("coach");
    const cfg = await t.communityId("Cross-School Critical Friends Group");
    const list = await coach.get(`${meetingsOf(cfg)}?limit=3`);
    const [next] = list.body.items;
    expect(next.title).toBe("Critical friends: weekly meeting");
    const meeting = await coach.get(`/api/v1/meetings/${next.id}`);
    expect(meeting.body.series.summary).toContain("Every week on Thursday at 3:30 PM (America/Chicago)");
    expect(meeting.body.agenda.map((i: { kind: string }) => i.kind)).toEqual(["protocol", "action_review"]);
    expect(meeting.body.agenda[0]).toMatchObject({
      title: "Tuning protocol",
      presenter: { name: "Jordan Lee" },
      protocol: { name: "Tuning protocol" },
    });
    expect(meeting.body.agenda[0].focusingQuestion).toContain("4th-grade fractions quiz");
    expect(meeting.body.roles).toHaveLength(3);
  });
});

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

async function seriesMeetingIds(seriesId: string): Promise<string[]> {
  const result = await t.db.execute<{ id: string }>(
    `select id from meetings where series_id = '${seriesId}' order by occurrence_start`,
  );
  return result.rows.map((r) => r.id);
}
