import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendance } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createArtifact, presentOnAgendaItem } from "../../test/artifact-factories.ts";
import { createCommunity, orgId as orgIdOf } from "../../test/factories.ts";
import { createMeeting, createProtocol } from "../../test/meeting-factories.ts";
import { endedMeeting } from "../minutes/test-meeting.ts";

/** Feedback given in a live protocol shows on the artifact; facilitators link the artifact on the agenda. */
let t: TestApp;
let orgId: string;
let communityId: string;
let otherCommunityId: string;
const ids: Record<string, string> = {};
const as = (who: string): Promise<Client> => t.as(`${who}@riverside.example`);
const person = (who: string) => ids[who] ?? "";

beforeAll(async () => {
  t = await startTestApp();
  for (const who of ["coach", "teacher1", "teacher2", "teacher3"])
    ids[who] = await t.personId(`${who}@riverside.example`);
  orgId = await orgIdOf(t.db, "riverside");
  const members: [string, "facilitator" | "member"][] = [
    [person("coach"), "facilitator"],
    [person("teacher1"), "member"],
    [person("teacher2"), "member"],
  ];
  communityId = (
    await createCommunity(t.db, { orgId, name: "Tuning circle", visibility: "organization", members })
  ).id;
  otherCommunityId = (await createCommunity(t.db, { orgId, visibility: "organization", members })).id;
});
afterAll(() => t.close());

describe("feedback from a live protocol", () => {
  it("shows the room's cards on the artifact, marked with the meeting; anonymous without author, retracted left out", async () => {
    const artifact = await createArtifact(t.db, { orgId, communityId, ownerId: person("teacher1") });
    const meeting = await endedMeeting(t.db, {
      orgId,
      communityId,
      presenterId: person("teacher1"),
      title: "March tuning",
      generate: false,
      cards: [
        { step: 2, kind: "warm_feedback", body: "The context is rich.", by: person("coach") },
        { step: 2, kind: "cool_feedback", body: "Q4 is a guess.", by: person("teacher2"), anonymous: true },
        { step: 1, kind: "clarifying_question", body: "How long?", by: person("teacher2"), retracted: true },
      ],
    });
    await presentOnAgendaItem(t.db, meeting.itemIds[0] ?? "", artifact.id);
    const response = await (await as("teacher3")).get(`/api/v1/artifacts/${artifact.id}/feedback`);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
    expect(response.body.meetings).toEqual([
      {
        meetingId: meeting.id,
        meetingTitle: "March tuning",
        startsAt: "2026-03-12T21:30:00.000Z",
        timeZone: "America/Chicago",
        agendaItemTitle: "Tuning the ratio task",
        items: [
          expect.objectContaining({
            kind: "warm_feedback",
            author: { id: person("coach"), name: expect.any(String) },
          }),
          expect.objectContaining({
            kind: "cool_feedback",
            body: "Q4 is a guess.",
            author: null,
            anonymous: true,
          }),
        ],
      },
    ]);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(person("teacher2"));
    expect(text).not.toContain("How long?");
  });

  it("shows nothing from meetings that presented other work", async () => {
    const artifact = await createArtifact(t.db, { orgId, communityId, ownerId: person("teacher1") });
    await endedMeeting(t.db, {
      orgId,
      communityId,
      presenterId: person("teacher1"),
      generate: false,
      cards: [{ step: 2, kind: "warm_feedback", body: "Unlinked.", by: person("coach") }],
    });
    const response = await (await as("teacher1")).get(`/api/v1/artifacts/${artifact.id}/feedback`);
    expect(response.body.meetings).toEqual([]);
  });

  it("shows a partner the cards of the meetings they attended only, as the minutes do", async () => {
    const parent = await t.personId("parent@riverside.example");
    const family = await createCommunity(t.db, {
      orgId,
      visibility: "private",
      members: [
        [person("coach"), "facilitator"],
        [person("teacher1"), "member"],
        [parent, "partner"],
      ],
    });
    const artifact = await createArtifact(t.db, {
      orgId,
      communityId: family.id,
      ownerId: person("teacher1"),
    });
    const meeting = (title: string, body: string) =>
      endedMeeting(t.db, {
        orgId,
        communityId: family.id,
        presenterId: person("teacher1"),
        title,
        generate: false,
        cards: [{ step: 2, kind: "warm_feedback", body, by: person("coach") }],
      });
    const attended = await meeting("Family night planning", "Families will love the recipe task.");
    const missed = await meeting("Staff-only tuning", "Said among teachers only.");
    for (const m of [attended, missed]) await presentOnAgendaItem(t.db, m.itemIds[0] ?? "", artifact.id);
    await t.db
      .insert(attendance)
      .values({ orgId, meetingId: attended.id, personId: parent, present: true, source: "manual" });

    const asParent = await (await t.as("parent@riverside.example")).get(
      `/api/v1/artifacts/${artifact.id}/feedback`,
    );
    expect(asParent.status).toBe(200);
    expect(asParent.body.meetings.map((m: { meetingTitle: string }) => m.meetingTitle)).toEqual([
      "Family night planning",
    ]);
    expect(JSON.stringify(asParent.body)).not.toContain("Said among teachers only.");
    const asTeacher = await (await as("teacher1")).get(`/api/v1/artifacts/${artifact.id}/feedback`);
    expect(asTeacher.body.meetings).toHaveLength(2);
  });
});

describe("linking an artifact on the agenda", () => {
  async function upcoming() {
    const { protocolId } = await createProtocol(t.db, orgId);
    const meeting = await createMeeting(t.db, { orgId, communityId, title: "Next tuning" });
    return { meetingId: meeting.id, protocolId };
  }
  const run = (protocolId: string, artifactId: string | null) => ({
    kind: "protocol",
    protocolId,
    artifactId,
  });

  it("lets the facilitator link the community's artifact, shown on the agenda item", async () => {
    const artifact = await createArtifact(t.db, { orgId, communityId, ownerId: person("teacher1") });
    const { meetingId, protocolId } = await upcoming();
    const coach = await as("coach");
    const added = await coach.post(
      `/api/v1/meetings/${meetingId}/agenda-items`,
      run(protocolId, artifact.id),
    );
    expect(added.status).toBe(201);
    const [item] = added.body.agenda;
    expect(item.artifact).toEqual({ id: artifact.id, title: artifact.title });
    const unlinked = await coach.patch(`/api/v1/meetings/${meetingId}/agenda-items/${item.id}`, {
      artifactId: null,
    });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.agenda[0].artifact).toBeNull();
  });

  it("names a work sample with student work on the agenda to members, never to partners", async () => {
    const parent = await t.personId("parent@riverside.example");
    const family = await createCommunity(t.db, {
      orgId,
      visibility: "private",
      members: [
        [person("coach"), "facilitator"],
        [person("teacher1"), "member"],
        [parent, "partner"],
      ],
    });
    const essay = await createArtifact(t.db, {
      orgId,
      communityId: family.id,
      ownerId: person("teacher1"),
      containsStudentWork: true,
    });
    const { protocolId } = await createProtocol(t.db, orgId);
    const meeting = await createMeeting(t.db, { orgId, communityId: family.id, title: "Family night" });
    const added = await (await as("coach")).post(
      `/api/v1/meetings/${meeting.id}/agenda-items`,
      run(protocolId, essay.id),
    );
    expect(added.body.agenda[0].artifact).toEqual({ id: essay.id, title: essay.title });
    const asParent = await (await t.as("parent@riverside.example")).get(`/api/v1/meetings/${meeting.id}`);
    expect(asParent.status).toBe(200);
    expect(asParent.body.agenda[0].artifact).toBeNull();
    expect(JSON.stringify(asParent.body)).not.toContain(essay.title);
  });

  it.each([
    [
      "another community's artifact",
      () => createArtifact(t.db, { orgId, communityId: otherCommunityId, ownerId: person("teacher1") }),
    ],
    [
      "someone's own copy",
      () => createArtifact(t.db, { orgId, communityId: null, ownerId: person("coach") }),
    ],
    [
      "an archived artifact",
      () => createArtifact(t.db, { orgId, communityId, ownerId: person("teacher1"), archived: true }),
    ],
    ["an unknown id", async () => ({ id: "00000000-0000-4000-8000-000000000000", title: "" })],
  ])("refuses %s, naming artifactId", async (_what, make) => {
    const artifact = await make();
    const { meetingId, protocolId } = await upcoming();
    const coach = await as("coach");
    const added = await coach.post(
      `/api/v1/meetings/${meetingId}/agenda-items`,
      run(protocolId, artifact.id),
    );
    expect(added.status).toBe(400);
    expect(added.body.errors).toEqual([
      { path: "artifactId", message: "Choose a work sample shared in this community." },
    ]);
    // Editing an existing item is checked the same way.
    const plain = await coach.post(`/api/v1/meetings/${meetingId}/agenda-items`, run(protocolId, null));
    const itemId = plain.body.agenda[0].id;
    const patched = await coach.patch(`/api/v1/meetings/${meetingId}/agenda-items/${itemId}`, {
      artifactId: artifact.id,
    });
    expect(patched.status).toBe(400);
    expect(patched.body.errors[0].path).toBe("artifactId");
  });

  it("lists the community's open artifacts to choose from, for those who build agendas", async () => {
    const open = await createArtifact(t.db, {
      orgId,
      communityId,
      ownerId: person("teacher1"),
      title: "Open quiz",
    });
    await createArtifact(t.db, {
      orgId,
      communityId,
      ownerId: person("teacher1"),
      title: "Old quiz",
      archived: true,
    });
    const choices = await (await as("coach")).get(`/api/v1/communities/${communityId}/artifact-choices`);
    expect(choices.status).toBe(200);
    expect(choices.body.items).toContainEqual({ id: open.id, title: "Open quiz" });
    expect(choices.body.items.map((i: { title: string }) => i.title)).not.toContain("Old quiz");
    expect(
      (await (await as("teacher2")).get(`/api/v1/communities/${communityId}/artifact-choices`)).status,
    ).toBe(403);
  });
});
