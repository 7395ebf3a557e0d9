import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactFeedback } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { allowAnonymousFeedback, createArtifact } from "../../test/artifact-factories.ts";
import { createCommunity, orgId as orgIdOf } from "../../test/factories.ts";

/** The presenter answers questions; authors withdraw their own feedback. */
let t: TestApp;
let orgId: string;
let communityId: string;
const ids: Record<string, string> = {};
const as = (who: string): Promise<Client> => t.as(`${who}@riverside.example`);
const person = (who: string) => ids[who] ?? "";
const list = (artifactId: string) => `/api/v1/artifacts/${artifactId}/feedback`;

async function feedbackOn(kind: string, by = "teacher2", anonymous = false) {
  const artifact = await createArtifact(t.db, { orgId, communityId, ownerId: person("teacher1") });
  const created = await (await as(by)).post(list(artifact.id), { kind, body: `A ${kind} one?`, anonymous });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return { artifactId: artifact.id, id: created.body.id as string };
}
const rowOf = async (id: string) =>
  (await t.db.select().from(artifactFeedback).where(eq(artifactFeedback.id, id)))[0];

beforeAll(async () => {
  t = await startTestApp();
  for (const who of ["coach", "teacher1", "teacher2"])
    ids[who] = await t.personId(`${who}@riverside.example`);
  orgId = await orgIdOf(t.db, "riverside");
  communityId = (
    await createCommunity(t.db, {
      orgId,
      name: "Answers circle",
      visibility: "organization",
      members: [
        [person("coach"), "facilitator"],
        [person("teacher1"), "member"],
        [person("teacher2"), "member"],
      ],
    })
  ).id;
  await allowAnonymousFeedback(t.db, communityId);
});
afterAll(() => t.close());

describe("answering questions", () => {
  it.each(["clarifying", "probing"])(
    "lets the presenter answer a %s question, and change the answer",
    async (kind) => {
      const fb = await feedbackOn(kind);
      const owner = await as("teacher1");
      expect((await owner.get(list(fb.artifactId))).body.items[0].can).toEqual({
        answer: true,
        withdraw: false,
      });
      const answered = await owner.put(`/api/v1/feedback/${fb.id}/answer`, { answer: " Twenty minutes. " });
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ answer: "Twenty minutes.", answeredAt: expect.any(String) });
      await owner.put(`/api/v1/feedback/${fb.id}/answer`, { answer: "Twenty-five minutes." });
      const seen = await (await as("teacher2")).get(list(fb.artifactId));
      expect(seen.body.items[0]).toMatchObject({ answer: "Twenty-five minutes.", can: { answer: false } });
    },
  );

  it("tells the one who asked of the first answer, once, even when they asked anonymously", async () => {
    const fb = await feedbackOn("clarifying", "teacher2", true);
    const owner = await as("teacher1");
    await owner.put(`/api/v1/feedback/${fb.id}/answer`, { answer: "Twenty minutes." });
    await owner.put(`/api/v1/feedback/${fb.id}/answer`, { answer: "Twenty-five minutes." });
    const asker = await as("teacher2");
    const mine = (await asker.get("/api/v1/notifications")).body.items.filter(
      (n: { data: { answered?: string }; path: string }) => n.data.answered && n.path.includes(fb.artifactId),
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "feedback", actorName: expect.any(String) });
    // The presenter is not told of their own answer.
    const presenters = (await owner.get("/api/v1/notifications")).body.items;
    expect(presenters.some((n: { data: { answered?: string } }) => n.data.answered)).toBe(false);
  });

  it("refuses to answer feedback that is not a question, naming the answer", async () => {
    const fb = await feedbackOn("warm");
    const response = await (await as("teacher1")).put(`/api/v1/feedback/${fb.id}/answer`, {
      answer: "Thanks",
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: "answer", message: expect.stringContaining("Only clarifying and probing questions") },
    ]);
    expect((await rowOf(fb.id))?.answer).toBeNull();
  });

  it("refuses an empty answer", async () => {
    const fb = await feedbackOn("clarifying");
    const response = await (await as("teacher1")).put(`/api/v1/feedback/${fb.id}/answer`, { answer: "  " });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toEqual({ path: "answer", message: "Enter your answer." });
  });

  it.each(["teacher2", "coach"])("does not let %s answer in the presenter's place", async (who) => {
    const fb = await feedbackOn("probing");
    const response = await (await as(who)).put(`/api/v1/feedback/${fb.id}/answer`, {
      answer: "I would say…",
    });
    expect(response.status).toBe(403);
    expect((await rowOf(fb.id))?.answer).toBeNull();
  });

  it("answers 404 to another district and for an unknown id", async () => {
    const fb = await feedbackOn("probing");
    const lakeside = await t.as("admin@lakeside.example");
    expect((await lakeside.put(`/api/v1/feedback/${fb.id}/answer`, { answer: "x" })).status).toBe(404);
    expect((await lakeside.delete(`/api/v1/feedback/${fb.id}`)).status).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (await (await as("teacher1")).put(`/api/v1/feedback/${unknown}/answer`, { answer: "x" })).status,
    ).toBe(404);
  });
});

describe("withdrawing", () => {
  it("lets the author withdraw their own feedback: kept, but no longer listed", async () => {
    const fb = await feedbackOn("cool");
    const author = await as("teacher2");
    expect((await author.delete(`/api/v1/feedback/${fb.id}`)).status).toBe(204);
    expect((await rowOf(fb.id))?.withdrawnAt).toBeInstanceOf(Date);
    expect((await author.get(list(fb.artifactId))).body.items).toEqual([]);
    expect((await (await as("teacher1")).get(list(fb.artifactId))).body.items).toEqual([]);
    // Gone is gone: a second withdrawal, or answering it, finds nothing.
    expect((await author.delete(`/api/v1/feedback/${fb.id}`)).status).toBe(404);
    expect(
      (await (await as("teacher1")).put(`/api/v1/feedback/${fb.id}/answer`, { answer: "x" })).status,
    ).toBe(404);
  });

  it("lets the author of anonymous feedback withdraw it, and nobody else", async () => {
    const fb = await feedbackOn("cool", "teacher2", true);
    for (const who of ["teacher1", "coach"]) {
      const response = await (await as(who)).delete(`/api/v1/feedback/${fb.id}`);
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain(person("teacher2"));
    }
    expect((await rowOf(fb.id))?.withdrawnAt).toBeNull();
    const mine = await (await as("teacher2")).get(list(fb.artifactId));
    expect(mine.body.items[0]).toMatchObject({ author: null, mine: true, can: { withdraw: true } });
    expect((await (await as("teacher2")).delete(`/api/v1/feedback/${fb.id}`)).status).toBe(204);
  });
});
