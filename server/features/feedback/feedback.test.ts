import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FEEDBACK_BODY } from "../../../shared/schemas/feedback.ts";
import { feedbackKinds } from "../../../shared/schemas/work-enums.ts";
import { artifactFeedback, notificationMutes, notifications, people } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { allowAnonymousFeedback, createArtifact } from "../../test/artifact-factories.ts";
import { createCommunity, orgId as orgIdOf } from "../../test/factories.ts";

/** Giving, answering and withdrawing feedback on a work sample; anonymity; the presenter's notification. */
let t: TestApp;
let orgId: string;
let communityId: string;
const ids: Record<string, string> = {};
const as = (who: string): Promise<Client> => t.as(`${who}@riverside.example`);
const url = (artifactId: string) => `/api/v1/artifacts/${artifactId}/feedback`;
const person = (who: string) => ids[who] ?? "";

async function quiz(options: { rubricCriteria?: string[]; containsStudentWork?: boolean } = {}) {
  return createArtifact(t.db, { orgId, communityId, ownerId: person("teacher1"), ...options });
}
const notificationsOf = async (personId: string) =>
  t.db.select().from(notifications).where(eq(notifications.personId, personId));

beforeAll(async () => {
  t = await startTestApp();
  for (const who of ["coach", "teacher1", "teacher2", "teacher3", "teacher7", "parent"])
    ids[who] = await t.personId(`${who}@riverside.example`);
  orgId = await orgIdOf(t.db, "riverside");
  communityId = (
    await createCommunity(t.db, {
      orgId,
      name: "Feedback circle",
      visibility: "organization",
      members: [
        [person("coach"), "facilitator"],
        [person("teacher1"), "member"],
        [person("teacher2"), "member"],
        [person("parent"), "partner"],
        [person("teacher7"), "observer"],
      ],
    })
  ).id;
});
afterAll(() => t.close());

describe("giving feedback", () => {
  it.each(feedbackKinds)("gives %s feedback on the current version, with the author's name", async (kind) => {
    const artifact = await createArtifact(t.db, {
      orgId,
      communityId,
      ownerId: person("teacher1"),
      currentVersion: 2,
    });
    const teacher2 = await as("teacher2");
    const created = await teacher2.post(url(artifact.id), { kind, body: `  A ${kind} thought.  ` });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind,
      body: `A ${kind} thought.`,
      author: { id: person("teacher2") },
      anonymous: false,
      mine: true,
      versionNumber: 2,
      can: { withdraw: true, answer: false },
    });
    const list = await (await as("teacher1")).get(url(artifact.id));
    expect(list.body.items.map((i: { body: string }) => i.body)).toEqual([`A ${kind} thought.`]);
    expect(list.body.items[0].mine).toBe(false);
  });

  it("lists newest first, or grouped by form in the practitioners' order", async () => {
    const artifact = await quiz();
    const coach = await as("coach");
    for (const kind of ["probing", "warm", "cool", "warm"] as const)
      await coach.post(url(artifact.id), { kind, body: `${kind} ${Math.random()}` });
    const newest = await coach.get(url(artifact.id));
    expect(newest.body.items.map((i: { kind: string }) => i.kind)).toEqual([
      "warm",
      "cool",
      "warm",
      "probing",
    ]);
    const grouped = await coach.get(`${url(artifact.id)}?order=kind`);
    expect(grouped.body.items.map((i: { kind: string }) => i.kind)).toEqual([
      "warm",
      "warm",
      "cool",
      "probing",
    ]);
    expect(grouped.body.forms).toEqual([...feedbackKinds]);
  });

  it("does not duplicate a double submit with the same Idempotency-Key", async () => {
    const artifact = await quiz();
    const teacher2 = await as("teacher2");
    const key = { "Idempotency-Key": `feedback-${artifact.id}` };
    const first = await teacher2.post(url(artifact.id), { kind: "warm", body: "Once." }, key);
    const again = await teacher2.post(url(artifact.id), { kind: "warm", body: "Once." }, key);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    const rows = await t.db
      .select()
      .from(artifactFeedback)
      .where(eq(artifactFeedback.artifactId, artifact.id));
    expect(rows).toHaveLength(1);
  });

  it("gives feedback against one of the artifact's rubric criteria", async () => {
    const artifact = await quiz({ rubricCriteria: ["Reasoning", "Precision"] });
    const teacher2 = await as("teacher2");
    const created = await teacher2.post(url(artifact.id), {
      kind: "cool",
      body: "Question 4 rewards a guess.",
      rubricCriterion: "Precision",
    });
    expect(created.status).toBe(201);
    expect(created.body.rubricCriterion).toBe("Precision");
    const list = await teacher2.get(url(artifact.id));
    expect(list.body.rubricCriteria).toEqual(["Reasoning", "Precision"]);
  });
});

describe("bad input", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["an empty body", { kind: "warm", body: "   " }, "body", /Enter your feedback/],
    ["a body too long", { kind: "warm", body: "x".repeat(MAX_FEEDBACK_BODY + 1) }, "body", /under 2000/],
    ["an unknown kind", { kind: "lukewarm", body: "Hm." }, "kind", /Choose a form of feedback/],
    ["no kind", { body: "Hm." }, "kind", /Choose a form of feedback/],
  ];
  it.each(cases)("refuses %s, naming the field", async (_what, body, path, message) => {
    const artifact = await quiz();
    const response = await (await as("teacher2")).post(url(artifact.id), body);
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(
      await t.db.select().from(artifactFeedback).where(eq(artifactFeedback.artifactId, artifact.id)),
    ).toEqual([]);
  });

  it("refuses anonymous feedback where the community does not allow it", async () => {
    const artifact = await quiz();
    const response = await (await as("teacher2")).post(url(artifact.id), {
      kind: "cool",
      body: "Quietly.",
      anonymous: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: "anonymous", message: expect.stringContaining("does not allow anonymous feedback") },
    ]);
    expect((await (await as("teacher2")).get(url(artifact.id))).body.anonymousAllowed).toBe(false);
  });

  it("refuses a criterion that is not in the artifact's rubric", async () => {
    const artifact = await quiz({ rubricCriteria: ["Reasoning"] });
    const response = await (await as("teacher2")).post(url(artifact.id), {
      kind: "warm",
      body: "Clear.",
      rubricCriterion: "Handwriting",
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe("rubricCriterion");
  });

  it("does not let the presenter give themselves feedback", async () => {
    const artifact = await quiz();
    const response = await (await as("teacher1")).post(url(artifact.id), { kind: "warm", body: "Mine!" });
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain("your own work");
    expect((await (await as("teacher1")).get(url(artifact.id))).body.can).toEqual({
      give: false,
      answer: true,
    });
  });

  it("keeps partners away from student work, and observers and outsiders to reading", async () => {
    const studentWork = await quiz({ containsStudentWork: true });
    expect((await (await as("parent")).get(url(studentWork.id))).status).toBe(404);
    expect((await (await as("parent")).post(url(studentWork.id), { kind: "warm", body: "Hi" })).status).toBe(
      404,
    );
    const plain = await quiz();
    expect((await (await as("parent")).post(url(plain.id), { kind: "warm", body: "Lovely" })).status).toBe(
      201,
    );
    for (const who of ["teacher7", "teacher3"]) {
      const client = await as(who);
      expect((await client.get(url(plain.id))).body.can.give).toBe(false);
      expect((await client.post(url(plain.id), { kind: "warm", body: "Hi" })).status).toBe(403);
    }
  });

  it("closes feedback on archived work, saying so", async () => {
    const artifact = await createArtifact(t.db, {
      orgId,
      communityId,
      ownerId: person("teacher1"),
      archived: true,
    });
    const response = await (await as("teacher2")).post(url(artifact.id), { kind: "warm", body: "Late." });
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain("archived");
    expect((await (await as("teacher1")).get(url(artifact.id))).body.can).toEqual({
      give: false,
      answer: false,
    });
  });

  it("answers 404 to another district", async () => {
    const artifact = await quiz();
    const lakeside = await t.as("admin@lakeside.example");
    const read = await lakeside.get(url(artifact.id));
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain(artifact.title);
    expect((await lakeside.post(url(artifact.id), { kind: "warm", body: "Hi" })).status).toBe(404);
  });
});

describe("anonymous feedback", () => {
  it("never carries its author to anyone but says mine to the author", async () => {
    await allowAnonymousFeedback(t.db, communityId);
    try {
      const artifact = await quiz();
      const teacher2 = await as("teacher2");
      const created = await teacher2.post(url(artifact.id), {
        kind: "cool",
        body: "Too long.",
        anonymous: true,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ author: null, anonymous: true, mine: true });
      const [{ name } = { name: "" }] = await t.db
        .select({ name: people.name })
        .from(people)
        .where(eq(people.id, person("teacher2")));
      for (const who of ["teacher1", "coach", "parent", "teacher3"]) {
        const list = await (await as(who)).get(url(artifact.id));
        expect(list.status).toBe(200);
        expect(list.body.anonymousAllowed).toBe(true);
        const text = JSON.stringify(list.body);
        expect(text).not.toContain(person("teacher2"));
        expect(text).not.toContain(name);
        expect(list.body.items[0]).toMatchObject({ author: null, mine: false, can: { withdraw: false } });
      }
      // The presenter is told feedback arrived, not who gave it.
      const [notice] = (await notificationsOf(person("teacher1"))).filter((n) =>
        n.path.includes(artifact.id),
      );
      expect(notice?.actorId).toBeNull();
      expect(JSON.stringify(notice)).not.toContain(person("teacher2"));
      expect(notice?.data).toEqual({ artifactTitle: artifact.title, feedbackKind: "cool" });
    } finally {
      await allowAnonymousFeedback(t.db, communityId, false);
    }
  });
});

describe("the community setting", () => {
  it("is off by default, and the facilitator turns it on in the community", async () => {
    const coach = await as("coach");
    const made = await coach.post("/api/v1/communities", {
      name: "Setting circle",
      kind: "critical_friends_group",
    });
    expect(made.body.anonymousFeedback).toBe(false);
    const changed = await coach.patch(`/api/v1/communities/${made.body.id}`, { anonymousFeedback: true });
    expect(changed.status).toBe(200);
    expect((await coach.get(`/api/v1/communities/${made.body.id}`)).body.anonymousFeedback).toBe(true);
    const artifact = await createArtifact(t.db, {
      orgId,
      communityId: made.body.id,
      ownerId: person("coach"),
    });
    expect((await coach.get(url(artifact.id))).body.anonymousAllowed).toBe(true);
    const bad = await coach.patch(`/api/v1/communities/${made.body.id}`, { anonymousFeedback: "yes" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("anonymousFeedback");
    // Members cannot change it.
    const member = await (await as("teacher2")).patch(`/api/v1/communities/${communityId}`, {
      anonymousFeedback: true,
    });
    expect(member.status).toBe(403);
  });
});

describe("the presenter's notification", () => {
  it("tells the presenter, in the same change, who gave what on which work", async () => {
    const artifact = await quiz();
    await (await as("coach")).post(url(artifact.id), { kind: "wonder", body: "I wonder about Q3." });
    const mine = (await notificationsOf(person("teacher1"))).filter((n) => n.path.includes(artifact.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: "feedback",
      actorId: person("coach"),
      communityId,
      path: `/artifacts/${artifact.id}#feedback`,
      data: { artifactTitle: artifact.title, feedbackKind: "wonder", authorName: expect.any(String) },
    });
    expect((await notificationsOf(person("coach"))).some((n) => n.path.includes(artifact.id))).toBe(false);
  });

  it("is not created when the presenter muted feedback notifications", async () => {
    const artifact = await quiz();
    await t.db.insert(notificationMutes).values({ orgId, personId: person("teacher1"), kind: "feedback" });
    try {
      const created = await (await as("coach")).post(url(artifact.id), { kind: "warm", body: "Good." });
      expect(created.status).toBe(201);
      expect((await notificationsOf(person("teacher1"))).some((n) => n.path.includes(artifact.id))).toBe(
        false,
      );
    } finally {
      await t.db
        .delete(notificationMutes)
        .where(
          and(eq(notificationMutes.personId, person("teacher1")), eq(notificationMutes.kind, "feedback")),
        );
    }
  });
});
