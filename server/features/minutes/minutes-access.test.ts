import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, orgId as orgIdOf } from "../../test/factories.ts";
import { createMeeting } from "../../test/meeting-factories.ts";
import { type EndedMeeting, endedMeeting } from "./test-meeting.ts";

/** Who reads minutes and the archive, and who records decisions. */
let t: TestApp;
let attended: EndedMeeting;
let missed: EndedMeeting;
let communityId: string;
const ids: Record<string, string> = {};
const as = (who: string): Promise<Client> => t.as(`${who}@riverside.example`);
const minutesOf = (m: { id: string }) => `/api/v1/meetings/${m.id}/minutes`;

beforeAll(async () => {
  t = await startTestApp();
  for (const who of ["coach", "teacher1", "teacher2", "parent", "partner"])
    ids[who] = await t.personId(`${who}@riverside.example`);
  const orgId = await orgIdOf(t.db, "riverside");
  communityId = await t.communityId("Grade 7 Math Team");
  await t.db.insert(memberships).values([
    { orgId, communityId, personId: ids.parent ?? "", role: "partner", status: "active" },
    { orgId, communityId, personId: ids.partner ?? "", role: "partner", status: "active" },
  ]);
  const base = { orgId, communityId, presenterId: ids.teacher1 ?? "" };
  attended = await endedMeeting(t.db, {
    ...base,
    title: "March meeting",
    present: [ids.coach ?? "", ids.parent ?? ""],
    cards: [{ step: 2, kind: "warm_feedback", body: "Nice.", by: ids.coach ?? "" }],
  });
  missed = await endedMeeting(t.db, {
    ...base,
    title: "April meeting",
    startsAt: new Date("2026-04-09T20:30:00Z"),
    present: [ids.coach ?? ""],
  });
});
afterAll(() => t.close());

describe("reading minutes", () => {
  it.each([
    ["teacher1", 200, "an active member"],
    ["coach", 200, "the facilitator"],
    ["principal", 200, "an observer who leads its school"],
    ["admin", 200, "a district administrator"],
    ["teacher3", 404, "an educator of the district who is not a member (the team is district-visible)"],
    ["teacher5", 404, "another educator who is not a member"],
  ])("%s → %i (%s)", async (who, status) => {
    expect((await (await as(who)).get(minutesOf(attended))).status).toBe(status);
  });

  it("answers 404 to another district, as if the meeting did not exist", async () => {
    const lakeside = await t.as("admin@lakeside.example");
    const response = await lakeside.get(minutesOf(attended));
    expect(response.status).toBe(404);
    expect((await lakeside.get(`${minutesOf(attended)}.md`)).status).toBe(404);
    expect((await lakeside.get(`${minutesOf(attended)}.pdf`)).status).toBe(404);
    expect((await lakeside.get(`/api/v1/communities/${communityId}/minutes`)).status).toBe(404);
  });

  it("lets partners read the minutes of meetings they attended, and only those", async () => {
    const parent = await as("parent");
    expect((await parent.get(minutesOf(attended))).status).toBe(200);
    expect((await parent.get(minutesOf(missed))).status).toBe(404);
    expect((await parent.get(`${minutesOf(missed)}.md`)).status).toBe(404);
    const archive = await parent.get(`/api/v1/communities/${communityId}/minutes`);
    expect(archive.body.items.map((i: { title: string }) => i.title)).toEqual(["March meeting"]);
    const otherPartner = await as("partner");
    expect((await otherPartner.get(minutesOf(attended))).status).toBe(404);
    const theirArchive = await otherPartner.get(`/api/v1/communities/${communityId}/minutes`);
    expect(theirArchive.status).toBe(200);
    expect(theirArchive.body.items).toEqual([]);
  });

  it("shows a meeting that has not ended without a record", async () => {
    const orgId = await orgIdOf(t.db, "riverside");
    const upcoming = await createMeeting(t.db, { orgId, communityId, title: "Next week" });
    const { status, body } = await (await as("teacher1")).get(minutesOf(upcoming));
    expect(status).toBe(200);
    expect(body.record).toBeNull();
    expect(body.meeting.status).toBe("scheduled");
    const refused = await (await as("coach")).post(`${minutesOf(upcoming)}/regenerate`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/has not ended yet/);
  });
});

describe("the archive", () => {
  it("lists ended meetings newest first with their counts, page by page", async () => {
    const teacher1 = await as("teacher1");
    const first = await teacher1.get(`/api/v1/communities/${communityId}/minutes?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.community.name).toBe("Grade 7 Math Team");
    expect(first.body.items).toMatchObject([
      { title: "April meeting", hasMinutes: true, contributionCount: 0 },
    ]);
    const second = await teacher1.get(
      `/api/v1/communities/${communityId}/minutes?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toMatchObject([
      { title: "March meeting", contributionCount: 1, decisionCount: 0 },
    ]);
    expect(second.body.nextCursor).toBeNull();
    const bad = await teacher1.get(`/api/v1/communities/${communityId}/minutes?cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("cursor");
  });

  it("is empty for a community that has not met, and hidden from non-members", async () => {
    const orgId = await orgIdOf(t.db, "riverside");
    const fresh = await createCommunity(t.db, {
      orgId,
      visibility: "private",
      members: [[ids.teacher1 ?? "", "member"]],
    });
    const teacher1 = await as("teacher1");
    expect((await teacher1.get(`/api/v1/communities/${fresh.id}/minutes`)).body.items).toEqual([]);
    expect((await (await as("teacher2")).get(`/api/v1/communities/${fresh.id}/minutes`)).status).toBe(404);
  });
});

describe("decisions", () => {
  const decisionsOf = (m: { id: string }) => `/api/v1/meetings/${m.id}/decisions`;

  it("are recorded, edited and removed by the facilitator, in order, and counted in the archive", async () => {
    const coach = await as("coach");
    const one = await coach.post(decisionsOf(attended), { text: "Use the revised task next unit." });
    expect(one.status).toBe(201);
    const two = await coach.post(decisionsOf(attended), {
      text: "Meet again on the 26th.",
      agendaItemId: attended.itemIds[0],
    });
    expect(two.body.agendaItemId).toBe(attended.itemIds[0]);
    const edited = await coach.patch(`${decisionsOf(attended)}/${two.body.id}`, {
      text: "Meet again on the 27th.",
    });
    expect(edited.body.text).toBe("Meet again on the 27th.");
    const minutes = (await (await as("teacher1")).get(minutesOf(attended))).body;
    expect(minutes.decisions.map((d: { text: string }) => d.text)).toEqual([
      "Use the revised task next unit.",
      "Meet again on the 27th.",
    ]);
    expect((await coach.delete(`${decisionsOf(attended)}/${one.body.id}`)).status).toBe(204);
    const after = (await coach.get(minutesOf(attended))).body.decisions;
    expect(after.map((d: { text: string }) => d.text)).toEqual(["Meet again on the 27th."]);
    const archive = await coach.get(`/api/v1/communities/${communityId}/minutes`);
    expect(archive.body.items.find((i: { title: string }) => i.title === "March meeting").decisionCount).toBe(
      1,
    );
  });

  it("are created once per Idempotency-Key", async () => {
    const coach = await as("coach");
    const headers = { "idempotency-key": "decision-retry-0001" };
    const [a, b] = await Promise.all([
      coach.post(decisionsOf(missed), { text: "Only once." }, headers),
      coach.post(decisionsOf(missed), { text: "Only once." }, headers),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect((await coach.get(minutesOf(missed))).body.decisions).toHaveLength(1);
  });

  it("may be recorded by the meeting's note-taker, not by other members (403) or outsiders (404)", async () => {
    const orgId = await orgIdOf(t.db, "riverside");
    const meeting = await createMeeting(t.db, {
      orgId,
      communityId,
      status: "live",
      roles: [{ role: "note_taker", personId: ids.teacher2 ?? "" }],
    });
    const noteTaker = await as("teacher2");
    expect((await noteTaker.get(minutesOf(meeting))).body.can).toMatchObject({
      edit: false,
      recordDecisions: true,
    });
    expect((await noteTaker.post(decisionsOf(meeting), { text: "Recorded live." })).status).toBe(201);
    const member = await as("teacher1");
    const refused = await member.post(decisionsOf(meeting), { text: "Not mine to record." });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/facilitator and note-taker/);
    expect((await (await as("teacher3")).post(decisionsOf(meeting), { text: "x" })).status).toBe(404);
    expect(
      (await (await t.as("admin@lakeside.example")).post(decisionsOf(meeting), { text: "x" })).status,
    ).toBe(404);
  });

  it("name the field when the text is empty or too long, or the agenda item is another meeting's", async () => {
    const coach = await as("coach");
    const empty = await coach.post(decisionsOf(attended), { text: "  " });
    expect(empty.body.errors).toEqual([{ path: "text", message: "Enter the decision." }]);
    const long = await coach.post(decisionsOf(attended), { text: "d".repeat(2001) });
    expect(long.body.errors[0]).toMatchObject({ path: "text", message: "Keep this under 2000 characters." });
    const foreign = await coach.post(decisionsOf(attended), { text: "ok", agendaItemId: missed.itemIds[0] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe("agendaItemId");
  });
});
