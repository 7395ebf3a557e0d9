import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, artifactVersions, auditEvents } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { PUBLIC_URL, startTestApp, type TestApp } from "../../test/app.ts";
import { orgId } from "../../test/factories.ts";
import { multipart, type Part } from "./test-files.ts";

let t: TestApp;
let teamId: string;
let familyId: string;
const r = (name: string) => `${name}@riverside.example`;
const link = (n: number) => ({ url: `https://docs.example.org/sample-${n}`, name: `Sample ${n}` });

async function upload(email: string, url: string, parts: Part[]) {
  const client = await t.as(email);
  const { body, contentType } = multipart(parts);
  const response = await t.app.inject({
    method: "POST",
    url,
    payload: body,
    headers: { cookie: client.cookie, origin: PUBLIC_URL, "content-type": contentType },
  });
  return { status: response.statusCode, body: response.json() };
}
async function share(email: string, communityId: string, fields: Record<string, unknown>) {
  const response = await (await t.as(email)).post(`/api/v1/communities/${communityId}/artifacts`, {
    kind: "lesson",
    links: [link(1)],
    ...fields,
  });
  if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  return response.body;
}

beforeAll(async () => {
  t = await startTestApp();
  teamId = await t.communityId("Grade 7 Math Team");
  familyId = await t.communityId("Family Engagement Team");
});
afterAll(async () => t.close());

describe("versions", () => {
  it("keeps chosen files, adds new ones, and every version's files stay downloadable", async () => {
    const first = await upload(r("teacher1"), `/api/v1/communities/${teamId}/artifacts`, [
      { name: "data", content: JSON.stringify({ title: "Quiz v1", kind: "assessment" }) },
      { name: "files", filename: "quiz.txt", content: "Question 1" },
      { name: "files", filename: "key.txt", content: "Answer key" },
    ]);
    expect(first.status).toBe(201);
    const [quiz, key] = first.body.files;
    const second = await upload(r("teacher1"), `/api/v1/artifacts/${first.body.id}/versions`, [
      {
        name: "data",
        content: JSON.stringify({ note: "Reworded question 1 after cool feedback", keepFileIds: [key.id] }),
      },
      { name: "files", filename: "quiz-v2.txt", content: "Question 1, reworded" },
    ]);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.currentVersion).toBe(2);
    expect(second.body.files.map((f: { name: string }) => f.name)).toEqual(["key.txt", "quiz-v2.txt"]);
    expect(second.body.versions.map((v: { number: number; note: string }) => [v.number, v.note])).toEqual([
      [2, "Reworded question 1 after cool feedback"],
      [1, ""],
    ]);
    const teacher2 = await t.as(r("teacher2"));
    const old = await t.app.inject({
      method: "GET",
      url: quiz.downloadUrl,
      headers: { cookie: teacher2.cookie },
    });
    expect(old.body).toBe("Question 1");
    const keptAgain = await t.app.inject({
      method: "GET",
      url: second.body.files[0].downloadUrl,
      headers: { cookie: teacher2.cookie },
    });
    expect(keptAgain.body).toBe("Answer key");
  });

  it("refuses a version from anyone but the presenter, and files of another artifact", async () => {
    const mine = await share(r("teacher1"), teamId, { title: "Lesson to revise" });
    const other = await share(r("teacher2"), teamId, { title: "Someone else's" });
    const byColleague = await (await t.as(r("teacher2"))).post(`/api/v1/artifacts/${mine.id}/versions`, {
      note: "Mine now",
      links: [link(2)],
    });
    expect(byColleague.status).toBe(403);
    const stolen = await (await t.as(r("teacher1"))).post(`/api/v1/artifacts/${mine.id}/versions`, {
      note: "Borrowing",
      keepFileIds: [other.files[0].id],
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors[0].path).toBe("keepFileIds");
    const empty = await (await t.as(r("teacher1"))).post(`/api/v1/artifacts/${mine.id}/versions`, {
      note: "Nothing",
    });
    expect(empty.body.errors[0].path).toBe("files");
    const versions = await t.db
      .select()
      .from(artifactVersions)
      .where(eq(artifactVersions.artifactId, mine.id));
    expect(versions).toHaveLength(1);
  });
});

describe("the presenter's reflection", () => {
  it("saves, then refuses to save over a newer reflection (409) until reloaded", async () => {
    const made = await share(r("teacher1"), teamId, { title: "Reflect on me" });
    const me = await t.as(r("teacher1"));
    const url = `/api/v1/artifacts/${made.id}/reflection`;
    const saved = await me.put(url, {
      reflection: "Question 3 assessed reading, not ratios.",
      nextSteps: "Rewrite 3.",
      basedOn: null,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.reflection).toBe("Question 3 assessed reading, not ratios.");
    const staleTab = await me.put(url, { reflection: "Older draft", nextSteps: "", basedOn: null });
    expect(staleTab.status).toBe(409);
    expect(staleTab.body.errors[0].path).toBe("reflection");
    const again = await me.put(url, {
      reflection: "Updated",
      nextSteps: "Rewrite 3 and 4.",
      basedOn: saved.body.reflectedAt,
    });
    expect(again.status).toBe(200);
    expect(again.body.nextSteps).toBe("Rewrite 3 and 4.");
    const colleague = await (await t.as(r("teacher2"))).put(url, {
      reflection: "x",
      nextSteps: "",
      basedOn: again.body.reflectedAt,
    });
    expect(colleague.status).toBe(403);
  });
});

describe("who sees what", () => {
  it("never shows student work to partners, lists or pages alike", async () => {
    const student = await share(r("teacher5"), familyId, {
      title: "Family letter drafts by students",
      kind: "student_work",
      containsStudentWork: true,
      privacyAttestation: "identifiers_removed",
    });
    const plain = await share(r("teacher5"), familyId, { title: "Family night agenda" });
    const parent = await t.as(r("parent"));
    const list = await parent.get(`/api/v1/communities/${familyId}/artifacts`);
    const titles = list.body.items.map((i: { title: string }) => i.title);
    expect(titles).toContain("Family night agenda");
    expect(titles).not.toContain("Family letter drafts by students");
    expect((await parent.get(`/api/v1/artifacts/${student.id}`)).status).toBe(404);
    expect((await parent.get(`/api/v1/artifacts/${plain.id}`)).status).toBe(200);
    const download = await t.app.inject({
      method: "GET",
      url: student.files[0].downloadUrl ?? `/api/v1/artifacts/${student.id}/files/${student.files[0].id}`,
      headers: { cookie: parent.cookie },
    });
    expect(download.statusCode).toBe(404);
    const member = await t.as(r("teacher8"));
    expect((await member.get(`/api/v1/artifacts/${student.id}`)).body.privacyAttestation).toBe(
      "identifiers_removed",
    );
  });

  it("answers 404 for a private community's work to outsiders and for another district's to everyone", async () => {
    const secret = await share(r("teacher5"), familyId, { title: "Private family plan" });
    const outsider = await t.as(r("teacher3"));
    for (const url of [`/api/v1/artifacts/${secret.id}`, `/api/v1/communities/${familyId}/artifacts`]) {
      const response = await outsider.get(url);
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain("Private family plan");
    }
    const lakeside = await t.as("admin@lakeside.example");
    expect((await lakeside.get(`/api/v1/artifacts/${secret.id}`)).status).toBe(404);
    const visible = await share(r("teacher1"), teamId, { title: "Visible to the district" });
    expect((await outsider.get(`/api/v1/artifacts/${visible.id}`)).status).toBe(200);
    expect((await lakeside.get(`/api/v1/artifacts/${visible.id}`)).status).toBe(404);
  });

  it("lets only members share, and names the field when student work lacks the attestation", async () => {
    const outsider = await (await t.as(r("teacher3"))).post(`/api/v1/communities/${teamId}/artifacts`, {
      title: "x",
      kind: "lesson",
      links: [link(3)],
    });
    expect(outsider.status).toBe(403);
    const noAttestation = await (await t.as(r("teacher1"))).post(`/api/v1/communities/${teamId}/artifacts`, {
      title: "Essays",
      kind: "student_work",
      containsStudentWork: true,
      links: [link(4)],
      standards: ["not a code!"],
    });
    expect(noAttestation.status).toBe(400);
    expect(noAttestation.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "privacyAttestation",
      "standards.0",
    ]);
  });
});

describe("lists, editing and archiving", () => {
  it("lists a community's work newest first, by kind, a page at a time", async () => {
    const a = await share(r("teacher1"), teamId, { title: "Rubric A", kind: "rubric" });
    const b = await share(r("teacher2"), teamId, { title: "Rubric B", kind: "rubric" });
    const me = await t.as(r("teacher4"));
    const page1 = await me.get(`/api/v1/communities/${teamId}/artifacts?kind=rubric&limit=1`);
    expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const page2 = await me.get(
      `/api/v1/communities/${teamId}/artifacts?kind=rubric&limit=1&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(page2.body.nextCursor).toBeNull();
    expect(
      (await me.get(`/api/v1/communities/${teamId}/artifacts?cursor=nonsense`)).body.errors[0].path,
    ).toBe("cursor");
  });

  it("edits metadata for the owner only, archives and restores, and audits", async () => {
    const made = await share(r("teacher1"), teamId, { title: "Draft unit" });
    const owner = await t.as(r("teacher1"));
    const edited = await owner.patch(`/api/v1/artifacts/${made.id}`, {
      title: "Unit 3: ratios",
      standards: ["CCSS.MATH.7.RP.A.2"],
    });
    expect(edited.body).toMatchObject({ title: "Unit 3: ratios", standards: ["CCSS.MATH.7.RP.A.2"] });
    expect(
      (await (await t.as(r("teacher2"))).patch(`/api/v1/artifacts/${made.id}`, { title: "Mine" })).status,
    ).toBe(403);
    const archived = await owner.post(`/api/v1/artifacts/${made.id}/archive`);
    expect(archived.body.archived).toBe(true);
    expect(archived.body.can.edit).toBe(false);
    const list = await owner.get(`/api/v1/communities/${teamId}/artifacts`);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(made.id);
    const archivedList = await owner.get(`/api/v1/communities/${teamId}/artifacts?archived=1`);
    expect(archivedList.body.items.map((i: { id: string }) => i.id)).toContain(made.id);
    expect((await (await t.as(r("coach"))).post(`/api/v1/artifacts/${made.id}/restore`)).body.archived).toBe(
      false,
    );
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, made.id)));
    expect(actions.map((a) => a.action).sort()).toEqual([
      "artifact.archived",
      "artifact.created",
      "artifact.restored",
    ]);
  });

  it("lists my work: what I shared and my own copies, which no one else can open", async () => {
    const shared = await share(r("teacher4"), teamId, { title: "Shared by teacher4" });
    const personId = await t.personId(r("teacher4"));
    const copyId = newId();
    await t.db.insert(artifacts).values({
      id: copyId,
      orgId: await orgId(t.db, "riverside"),
      communityId: null,
      ownerId: personId,
      title: "My copy of an exemplar",
      kind: "lesson",
      attribution: "From Jordan Lee's lesson",
    });
    await t.db.insert(artifactVersions).values({
      id: newId(),
      orgId: await orgId(t.db, "riverside"),
      artifactId: copyId,
      number: 1,
      createdBy: personId,
    });
    const mine = await (await t.as(r("teacher4"))).get("/api/v1/artifacts?mine=1");
    const titles = mine.body.items.map((i: { title: string }) => i.title);
    expect(titles.slice(0, 2)).toEqual(["My copy of an exemplar", "Shared by teacher4"]);
    expect(mine.body.items[0]).toMatchObject({ communityId: null, attribution: "From Jordan Lee's lesson" });
    expect((await (await t.as(r("teacher1"))).get(`/api/v1/artifacts/${copyId}`)).status).toBe(404);
    expect(
      (await (await t.as(r("teacher1"))).get("/api/v1/artifacts?mine=1")).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).not.toContain(shared.id);
    expect((await (await t.as(r("teacher1"))).get("/api/v1/artifacts")).status).toBe(400);
  });
});
