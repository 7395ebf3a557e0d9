import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createArtifact, createExemplar } from "../../test/exemplar-factories.ts";
import { createCommunity, createPerson, orgId, schoolId, unique } from "../../test/factories.ts";

type Who = { id: string; email: string; client: Client };
let t: TestApp;
let riverside: string;
let community: { id: string; name: string };
let owner: Who;
let member: Who;
let facilitator: Who;
let leader: Who;
let colleague: Who;
let partner: Who;
let lakesideAdmin: Client;

async function person(name: string, orgRole: "educator" | "school_leader" | "partner", schools: string[]) {
  const made = await createPerson(t.db, {
    orgId: riverside,
    name,
    orgRole,
    schoolIds: schools,
    canSignIn: true,
  });
  return { ...made, client: await t.signIn(made.email) };
}

beforeAll(async () => {
  t = await startTestApp();
  riverside = await orgId(t.db, "riverside");
  const middle = await schoolId(t.db, "Riverside Middle");
  const elementary = await schoolId(t.db, "Riverside Elementary");
  owner = await person("Samuel Ortiz", "educator", [middle]);
  member = await person("Rosa Kim", "educator", [middle]);
  facilitator = await person("Ida Moreno", "educator", [middle]);
  leader = await person("Hal Price", "school_leader", [middle]);
  colleague = await person("Tess Young", "educator", [elementary]);
  partner = await person("Pat Reyes", "partner", []);
  lakesideAdmin = await t.as("admin@lakeside.example");
  community = await createCommunity(t.db, {
    orgId: riverside,
    name: unique("Grade 7 Math Team"),
    visibility: "private",
    schoolIds: [middle],
    members: [
      [owner.id, "member"],
      [member.id, "member"],
      [facilitator.id, "facilitator"],
      [partner.id, "partner"],
    ],
  });
});
afterAll(() => t?.close());

const artifact = (extra: Partial<Parameters<typeof createArtifact>[1]> = {}) =>
  createArtifact(t.db, { orgId: riverside, communityId: community.id, ownerId: owner.id, ...extra });
const nominate = (c: Client, id: string, note = "Every question targets one idea.", headers = {}) =>
  c.post(`/api/v1/artifacts/${id}/exemplar`, { note }, headers);
const notificationsOf = async (personId: string, title: string) =>
  (
    await t.db.execute<{ kind: string; data: Record<string, string>; actor_id: string | null }>(sql`
      select kind, data, actor_id from notifications where person_id = ${personId} and data->>'title' = ${title}`)
  ).rows;

describe("nominating", () => {
  it("records the current version and notifies the community's facilitators", async () => {
    const work = await artifact({ versions: 2 });
    const response = await nominate(member.client, work.id);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: "nominated",
      versionNumber: 2,
      note: "Every question targets one idea.",
      nominatedBy: { id: member.id, name: "Rosa Kim" },
      reviewedBy: null,
      communityName: community.name,
      ownerName: "Samuel Ortiz",
    });
    expect(await notificationsOf(facilitator.id, work.title)).toEqual([
      { kind: "exemplar", data: { event: "nominated", title: work.title }, actor_id: member.id },
    ]);
    const state = await facilitator.client.get(`/api/v1/artifacts/${work.id}/exemplar`);
    expect(state.body.can).toEqual({ nominate: false, review: true, withdraw: false, copy: false });
    const mine = await member.client.get(`/api/v1/artifacts/${work.id}/exemplar`);
    expect(mine.body.can).toEqual({ nominate: false, review: false, withdraw: true, copy: false });
  });

  it("allows one open nomination per artifact (409), and a retry with the same key is not a second", async () => {
    const work = await artifact();
    const key = { "idempotency-key": `nominate-${work.id}` };
    const first = await nominate(member.client, work.id, "Clear focus.", key);
    const retry = await nominate(member.client, work.id, "Clear focus.", key);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    const again = await nominate(owner.client, work.id);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain("already nominated");
  });

  it("refuses an empty note, an unknown artifact, observers' and partners' nominations", async () => {
    const work = await artifact();
    const empty = await nominate(member.client, work.id, "   ");
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ path: "note", message: "Say why this work is exemplary." }]);
    const unknown = await nominate(member.client, "0190a3c2-0000-7000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect((await nominate(partner.client, work.id)).status).toBe(403);
    expect((await nominate(colleague.client, work.id)).status).toBe(404);
    expect((await nominate(lakesideAdmin, work.id)).status).toBe(404);
  });
});

describe("reviewing", () => {
  it("is for facilitators and leaders, never the nominator or the owner", async () => {
    const work = await artifact();
    const nomination = (await nominate(facilitator.client, work.id)).body;
    const approve = (c: Client) => c.post(`/api/v1/exemplars/${nomination.id}/approve`, {});
    expect((await approve(facilitator.client)).status).toBe(403);
    expect((await approve(owner.client)).status).toBe(403);
    expect((await approve(member.client)).status).toBe(403);
    expect((await approve(colleague.client)).status).toBe(404);
    expect((await approve(lakesideAdmin)).status).toBe(404);
    const approved = await approve(leader.client);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: "approved",
      reviewedBy: { id: leader.id, name: "Hal Price" },
      shareable: true,
    });
    expect((await approve(leader.client)).status).toBe(409);
    const told = await notificationsOf(owner.id, work.title);
    expect(told).toEqual([
      { kind: "exemplar", data: { event: "approved", title: work.title }, actor_id: leader.id },
    ]);
    expect((await notificationsOf(facilitator.id, work.title)).map((n) => n.data.event)).toEqual([
      "approved",
    ]);
    const audit = await t.db.execute(sql`
      select 1 from audit_events where action = 'exemplar.approved' and subject_id = ${nomination.id}`);
    expect(audit.rows).toHaveLength(1);
  });

  it("never marks work with student work shareable", async () => {
    const work = await artifact({ containsStudentWork: true, kind: "student_work" });
    const nomination = (await nominate(member.client, work.id)).body;
    const approved = await facilitator.client.post(`/api/v1/exemplars/${nomination.id}/approve`, {
      note: "A model of feedback.",
    });
    expect(approved.body).toMatchObject({
      status: "approved",
      shareable: false,
      reviewNote: "A model of feedback.",
    });
  });

  it("declines with a note; the work may be nominated again", async () => {
    const work = await artifact();
    const nomination = (await nominate(member.client, work.id)).body;
    const declined = await facilitator.client.post(`/api/v1/exemplars/${nomination.id}/decline`, {
      note: "Add the answer key first.",
    });
    expect(declined.body).toMatchObject({ status: "declined", reviewNote: "Add the answer key first." });
    expect((await notificationsOf(member.id, work.title))[0]?.data.event).toBe("declined");
    expect((await nominate(member.client, work.id)).status).toBe(201);
    const tooLong = await facilitator.client.post(`/api/v1/exemplars/${nomination.id}/decline`, {
      note: "x".repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe("note");
  });

  it("is withdrawn by the nominator or the owner only", async () => {
    const work = await artifact();
    const nomination = (await nominate(member.client, work.id)).body;
    const withdraw = (c: Client) => c.post(`/api/v1/exemplars/${nomination.id}/withdraw`, {});
    expect((await withdraw(facilitator.client)).status).toBe(403);
    expect((await withdraw(colleague.client)).status).toBe(404);
    expect((await withdraw(owner.client)).body.status).toBe("withdrawn");
    expect((await withdraw(member.client)).status).toBe(409);
    const state = await member.client.get(`/api/v1/artifacts/${work.id}/exemplar`);
    expect(state.body).toMatchObject({ exemplar: null, can: { nominate: true } });
  });

  it("lists the nominations a reviewer can act on, not their own", async () => {
    const work = await artifact({ title: unique("Waiting quiz") });
    const byFacilitator = await artifact({ title: unique("Facilitator's pick") });
    await nominate(member.client, work.id);
    await nominate(facilitator.client, byFacilitator.id);
    const titles = async (c: Client) =>
      (await c.get("/api/v1/exemplars?status=nominated&limit=100")).body.items.map(
        (e: { title: string }) => e.title,
      );
    expect(await titles(facilitator.client)).toContain(work.title);
    expect(await titles(facilitator.client)).not.toContain(byFacilitator.title);
    expect(await titles(leader.client)).toEqual(expect.arrayContaining([work.title, byFacilitator.title]));
    expect(await titles(member.client)).toEqual([]);
    expect(await titles(colleague.client)).toEqual([]);
    expect((await lakesideAdmin.get("/api/v1/exemplars?status=nominated")).body.items).toEqual([]);
  });
});

describe("the library", () => {
  const topic = unique("proportion");
  let quiz: { id: string; title: string };
  let studentWork: { id: string; title: string };

  beforeAll(async () => {
    quiz = await artifact({
      title: unique("Ratio quiz"),
      subjects: ["Math"],
      gradeBands: ["6-8"],
      standards: ["CCSS.MATH.7.RP.A.2"],
      topics: [topic],
      files: [
        { name: "quiz.pdf", storageKey: `fixtures/${unique("quiz").replace(/\W+/g, "-")}`, preview: true },
        { name: "video", linkUrl: "https://video.example/1" },
      ],
    });
    studentWork = await artifact({
      title: unique("Annotated essay"),
      kind: "student_work",
      containsStudentWork: true,
      topics: [topic],
      subjects: ["ELA"],
    });
    for (const work of [quiz, studentWork])
      await createExemplar(t.db, {
        orgId: riverside,
        artifactId: work.id,
        nominatedBy: member.id,
        reviewedBy: facilitator.id,
        status: "approved",
      });
    const nominatedOnly = await artifact({ topics: [topic] });
    await createExemplar(t.db, { orgId: riverside, artifactId: nominatedOnly.id, nominatedBy: member.id });
  });

  const list = async (c: Client, query: string) => {
    const response = await c.get(`/api/v1/exemplars?topic=${encodeURIComponent(topic)}${query}`);
    expect(response.status).toBe(200);
    return response.body.items.map((e: { title: string }) => e.title);
  };

  it("shows approved exemplars of a private community to the district's educators, with their story", async () => {
    expect((await list(colleague.client, "")).sort()).toEqual([quiz.title, studentWork.title].sort());
    const response = await colleague.client.get(
      `/api/v1/exemplars?standard=ccss.math.7.rp.a.2&topic=${topic}`,
    );
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0]).toMatchObject({
      title: quiz.title,
      kind: "assessment",
      focusingQuestion: "What am I really trying to assess?",
      standards: ["CCSS.MATH.7.RP.A.2"],
      communityName: community.name,
      ownerName: "Samuel Ortiz",
      nominatedBy: { name: "Rosa Kim" },
      reviewedBy: { name: "Ida Moreno" },
      status: "approved",
    });
    expect(response.body.items[0].previewPath).toMatch(
      new RegExp(`^/api/v1/artifacts/${quiz.id}/files/.+/preview$`),
    );
    expect((await colleague.client.get(`/api/v1/artifacts/${quiz.id}/exemplar`)).body.can.copy).toBe(true);
  });

  it("filters by subject, grade band, standard, topic and kind", async () => {
    expect(await list(colleague.client, "&subject=math")).toEqual([quiz.title]);
    expect(await list(colleague.client, "&gradeBand=6-8")).toEqual([quiz.title]);
    expect(await list(colleague.client, "&kind=student_work")).toEqual([studentWork.title]);
    expect(await list(colleague.client, "&standard=CCSS.ELA.1")).toEqual([]);
    expect((await colleague.client.get("/api/v1/exemplars?gradeBand=13")).status).toBe(400);
    expect((await colleague.client.get("/api/v1/exemplars?kind=poem")).body.errors[0].path).toBe("kind");
  });

  it("pages with a cursor", async () => {
    const first = await colleague.client.get(`/api/v1/exemplars?topic=${topic}&limit=1`);
    const second = await colleague.client.get(
      `/api/v1/exemplars?topic=${topic}&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((e: { title: string }) => e.title).sort()).toEqual(
      [quiz.title, studentWork.title].sort(),
    );
    expect(second.body.nextCursor).toBeNull();
  });

  it("is not offered to partners, never shows student work to them, and never another district's", async () => {
    expect((await partner.client.get("/api/v1/exemplars")).status).toBe(403);
    expect((await partner.client.get(`/api/v1/artifacts/${studentWork.id}/exemplar`)).status).toBe(404);
    expect((await lakesideAdmin.get(`/api/v1/exemplars?topic=${topic}`)).body.items).toEqual([]);
    expect((await lakesideAdmin.get(`/api/v1/artifacts/${quiz.id}/exemplar`)).status).toBe(404);
  });

  it("copies the approved version into my own work, with attribution and the same stored objects", async () => {
    const [exemplar] = (await colleague.client.get(`/api/v1/exemplars?topic=${topic}&kind=assessment`)).body
      .items;
    const key = { "idempotency-key": `copy-${exemplar.id}` };
    const copied = await colleague.client.post(`/api/v1/exemplars/${exemplar.id}/copy`, {}, key);
    expect(copied.status).toBe(201);
    expect(copied.body.attribution).toBe(
      `Adapted from “${quiz.title}” by Samuel Ortiz (${community.name}, Riverside Middle)`,
    );
    expect(
      (await colleague.client.post(`/api/v1/exemplars/${exemplar.id}/copy`, {}, key)).body.artifactId,
    ).toBe(copied.body.artifactId);
    const rows = await t.db.execute<{
      community_id: string | null;
      owner_id: string;
      copied_from_id: string;
      current_version: number;
      standards: string[];
    }>(sql`
      select community_id, owner_id, copied_from_id, current_version, standards from artifacts where copied_from_id = ${quiz.id}`);
    expect(rows.rows).toEqual([
      {
        community_id: null,
        owner_id: colleague.id,
        copied_from_id: quiz.id,
        current_version: 1,
        standards: ["CCSS.MATH.7.RP.A.2"],
      },
    ]);
    const files = await t.db.execute<{
      artifact_id: string;
      storage_key: string | null;
      link_url: string | null;
    }>(sql`
      select f.artifact_id, f.storage_key, f.link_url from artifact_files f
      join artifact_versions v on v.id = f.version_id and v.number = 1
      where f.artifact_id in (${quiz.id}, ${copied.body.artifactId}) order by f.artifact_id, f.position`);
    const keysOf = (id: string) =>
      files.rows.filter((f) => f.artifact_id === id).map((f) => [f.storage_key, f.link_url]);
    expect(keysOf(copied.body.artifactId)).toEqual(keysOf(quiz.id));
    expect(keysOf(quiz.id)).toHaveLength(2);
    // The copy is the copier's alone.
    expect((await colleague.client.get(`/api/v1/artifacts/${copied.body.artifactId}/exemplar`)).status).toBe(
      200,
    );
    expect((await owner.client.get(`/api/v1/artifacts/${copied.body.artifactId}/exemplar`)).status).toBe(404);
    expect((await leader.client.get(`/api/v1/artifacts/${copied.body.artifactId}/exemplar`)).status).toBe(
      404,
    );
    const audit = await t.db.execute(sql`
      select 1 from audit_events where action = 'exemplar.copied' and subject_id = ${copied.body.artifactId}`);
    expect(audit.rows).toHaveLength(1);
  });

  it("copies only approved exemplars, and not for partners", async () => {
    const work = await artifact();
    const nomination = (await nominate(member.client, work.id)).body;
    expect((await colleague.client.post(`/api/v1/exemplars/${nomination.id}/copy`, {})).status).toBe(404);
    const [approved] = (await member.client.get(`/api/v1/exemplars?topic=${topic}&kind=assessment`)).body
      .items;
    expect((await partner.client.post(`/api/v1/exemplars/${approved.id}/copy`, {})).status).toBe(403);
    expect((await lakesideAdmin.post(`/api/v1/exemplars/${approved.id}/copy`, {})).status).toBe(404);
  });
});
