import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  surveyAnswers,
  surveyResponses,
  surveys,
  surveyVersions,
} from "../../db/schema/index.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, orgId, personIdOf, schoolId, unique } from "../../test/factories.ts";
import { answerVersion, builtinSurvey, plantSurvey, smallDefinition } from "./test-helpers.ts";

let t: TestApp;
let riverside: string;
let lakeside: string;
let team: string;
beforeAll(async () => {
  t = await startTestApp();
  riverside = await orgId(t.db, "riverside");
  lakeside = await orgId(t.db, "lakeside");
  team = await t.communityId("Grade 7 Math Team");
});
afterAll(() => t.close());

const titles = (body: { items: { title: string }[] }) => body.items.map((s) => s.title);

describe("the survey library", () => {
  it("lists the built-in health survey for every educator, read-only, and refuses partners", async () => {
    const teacher = await t.as("teacher3@riverside.example");
    const { status, body } = await teacher.get("/api/v1/surveys");
    expect(status).toBe(200);
    const health = body.items.find((s: { builtinKey: string }) => s.builtinKey === "community-health");
    expect(health).toMatchObject({ kind: "builtin", questionCount: 30, sectionCount: 5, versionNumber: 1 });
    expect(health.can).toMatchObject({ edit: false, archive: false });
    expect(body.can.create).toBe(false);

    const partner = await t.as("parent@riverside.example");
    const refused = await partner.get("/api/v1/surveys");
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain("educators");
    expect((await partner.get(`/api/v1/surveys/${health.id}`)).status).toBe(403);
  });

  it("shows a community's own survey to its members only, and another district's to nobody here", async () => {
    const ours = await plantSurvey(t.db, {
      orgId: riverside,
      title: unique("Team pulse"),
      communityId: team,
    });
    const theirs = await plantSurvey(t.db, { orgId: lakeside, title: unique("Lakeside pulse") });
    const member = await t.as("teacher1@riverside.example");
    const outsider = await t.as("teacher3@riverside.example");
    const memberList = (await member.get("/api/v1/surveys")).body;
    const outsiderList = (await outsider.get("/api/v1/surveys")).body;
    expect(memberList.items.map((s: { id: string }) => s.id)).toContain(ours.id);
    expect(outsiderList.items.map((s: { id: string }) => s.id)).not.toContain(ours.id);
    expect((await outsider.get(`/api/v1/surveys/${ours.id}`)).status).toBe(404);
    expect((await member.get(`/api/v1/surveys/${theirs.id}`)).status).toBe(404);
    const lakeAdmin = await t.as("admin@lakeside.example");
    expect(titles((await lakeAdmin.get("/api/v1/surveys")).body)).not.toContain(
      (await t.db.select().from(surveys).where(eq(surveys.id, ours.id)))[0]?.title,
    );
  });
});

describe("writing surveys", () => {
  it("lets a coach create her community's survey once per Idempotency-Key, audited", async () => {
    const coach = await t.as("coach@riverside.example");
    const title = unique("Meeting check-in");
    const body = { definition: smallDefinition(title), communityId: team };
    const key = { "Idempotency-Key": `survey-${Date.now()}` };
    const first = await coach.post("/api/v1/surveys", body, key);
    const again = await coach.post("/api/v1/surveys", body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({
      title,
      kind: "community",
      community: { id: team, name: "Grade 7 Math Team" },
      versionNumber: 1,
      hasResponses: false,
      can: { edit: true, send: true, copy: true, archive: true },
    });
    expect((await t.db.select().from(surveys).where(eq(surveys.title, title))).length).toBe(1);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, first.body.id));
    expect(audit?.action).toBe("survey.created");
  });

  it("refuses a coach the district's library and names the field", async () => {
    const coach = await t.as("coach@riverside.example");
    const { status, body } = await coach.post("/api/v1/surveys", { definition: smallDefinition("Nope") });
    expect(status).toBe(403);
    expect(body.errors).toEqual([
      { path: "communityId", message: expect.stringContaining("administrators") },
    ]);
  });

  it("refuses a bad definition (422) with the path of the field to fix", async () => {
    const admin = await t.as("admin@riverside.example");
    const definition = smallDefinition("Broken");
    const section = definition.sections[0];
    if (section)
      section.questions.push({ ...section.questions[0], key: "third", text: { en: "  " } } as never);
    const { status, body } = await admin.post("/api/v1/surveys", { definition });
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      { path: "definition.sections.0.questions.2.text.en", message: "Enter the question." },
    ]);
    // The same on an edit, after the permission and version checks.
    const created = (await admin.post("/api/v1/surveys", { definition: smallDefinition(unique("Fine")) }))
      .body;
    const edit = await admin.put(`/api/v1/surveys/${created.id}`, { definition, version: created.version });
    expect(edit.status).toBe(422);
    expect(edit.body.errors[0].path).toBe("definition.sections.0.questions.2.text.en");
    // Not even an object: the request's shape is wrong (400), before any survey is judged.
    const shapeless = await admin.post("/api/v1/surveys", { definition: "a survey" });
    expect(shapeless.status).toBe(400);
  });

  it("keeps built-ins read-only, but copies one into a community as an editable survey", async () => {
    const coach = await t.as("coach@riverside.example");
    const health = await builtinSurvey(t.db);
    const edit = await coach.put(`/api/v1/surveys/${health.id}`, {
      definition: smallDefinition("Hijack"),
      version: health.version,
    });
    expect(edit.status).toBe(403);
    expect(edit.body.detail).toContain("Make a copy");
    const copy = await coach.post(`/api/v1/surveys/${health.id}/copy`, { communityId: team });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ kind: "community", title: health.title, questionCount: 30 });
    const named = await coach.post(`/api/v1/surveys/${health.id}/copy`, { communityId: team, title: "Ours" });
    expect(named.body.definition.title.en).toBe("Ours");
    expect(named.body.definition.sections).toEqual(copy.body.definition.sections);
    expect(copy.body.can.edit).toBe(true);
    expect((await builtinSurvey(t.db)).version).toBe(health.version);
  });

  it("refuses an edit made from a stale version (409) and keeps the newer save", async () => {
    const admin = await t.as("admin@riverside.example");
    const created = (await admin.post("/api/v1/surveys", { definition: smallDefinition(unique("Pulse")) }))
      .body;
    const first = await admin.put(`/api/v1/surveys/${created.id}`, {
      definition: smallDefinition("Saved first"),
      version: created.version,
    });
    expect(first.status).toBe(200);
    const stale = await admin.put(`/api/v1/surveys/${created.id}`, {
      definition: smallDefinition("Saved second"),
      version: created.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].path).toBe("version");
    expect((await admin.get(`/api/v1/surveys/${created.id}`)).body.title).toBe("Saved first");
  });

  it("edits in place while unanswered, then makes a new version and keeps old answers attached", async () => {
    const principal = await t.as("principal@riverside.example");
    let survey = (await principal.post("/api/v1/surveys", { definition: smallDefinition(unique("Climate")) }))
      .body;
    // Unanswered: the same version, changed in place.
    const reworded = smallDefinition(`${survey.title} (reworded)`);
    survey = (
      await principal.put(`/api/v1/surveys/${survey.id}`, { definition: reworded, version: survey.version })
    ).body;
    expect(survey.versions.map((v: { number: number }) => v.number)).toEqual([1]);
    expect(survey.definition.title.en).toContain("reworded");

    const firstVersion = survey.currentVersionId;
    const { responseId } = await answerVersion(t.db, {
      orgId: riverside,
      surveyId: survey.id,
      versionId: firstVersion,
      personId: await personIdOf(t.db, "teacher2@riverside.example"),
    });
    const read = (await principal.get(`/api/v1/surveys/${survey.id}`)).body;
    expect(read.hasResponses).toBe(true);

    // Answered: a 5-point scale now, so the question gets a new key; the old answers stay with version 1.
    const changed = structuredClone(reworded);
    const trust = changed.sections[0]?.questions[0];
    if (trust?.kind === "likert") trust.points = 5;
    const saved = await principal.put(`/api/v1/surveys/${survey.id}`, {
      definition: changed,
      version: read.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.versionNumber).toBe(2);
    expect(saved.body.hasResponses).toBe(false);
    expect(saved.body.renamed).toEqual([{ from: "trust", to: "trust-2" }]);
    expect(
      saved.body.versions.map((v: { number: number; responses: number }) => [v.number, v.responses]),
    ).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const [old] = await t.db.select().from(surveyVersions).where(eq(surveyVersions.id, firstVersion));
    expect(old?.definition.sections[0]?.questions[0]).toMatchObject({ key: "trust", points: 4 });
    const [response] = await t.db.select().from(surveyResponses).where(eq(surveyResponses.id, responseId));
    expect(response?.surveyVersionId).toBe(firstVersion);
    const answers = await t.db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, responseId));
    expect(answers.map((a) => [a.questionKey, a.value])).toEqual([["trust", 3]]);

    // Saving the same definition again changes nothing.
    const same = await principal.put(`/api/v1/surveys/${survey.id}`, {
      definition: saved.body.definition,
      version: saved.body.version,
    });
    expect(same.body.version).toBe(saved.body.version);
    const audits = await t.db.execute<{ action: string; new_version: boolean }>(sql`
      select action, (details->>'newVersion')::boolean as new_version from audit_events
      where subject_id = ${survey.id} order by created_at`);
    expect(audits.rows.map((a) => a.action)).toEqual(["survey.created", "survey.edited", "survey.edited"]);
    expect(audits.rows.at(-1)?.new_version).toBe(true);
  });

  it("archives a survey out of the list; it can no longer change", async () => {
    const admin = await t.as("admin@riverside.example");
    const created = (await admin.post("/api/v1/surveys", { definition: smallDefinition(unique("Old")) }))
      .body;
    const archived = await admin.post(`/api/v1/surveys/${created.id}/archive`, { version: created.version });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ archived: true, can: { edit: false, send: false } });
    expect(titles((await admin.get("/api/v1/surveys")).body)).not.toContain(created.title);
    const edit = await admin.put(`/api/v1/surveys/${created.id}`, {
      definition: smallDefinition("Revived"),
      version: archived.body.version,
    });
    expect(edit.status).toBe(409);
  });

  it("lets a school leader write for a community of her school but not an archived one", async () => {
    const elementary = await schoolId(t.db, "Riverside Elementary");
    const leader = await t.as("principal@riverside.example");
    const mine = await createCommunity(t.db, {
      orgId: riverside,
      visibility: "private",
      schoolIds: [await schoolId(t.db, "Riverside Middle")],
    });
    const archived = await createCommunity(t.db, {
      orgId: riverside,
      visibility: "organization",
      schoolIds: [await schoolId(t.db, "Riverside Middle")],
      archived: true,
    });
    const other = await createCommunity(t.db, {
      orgId: riverside,
      visibility: "private",
      schoolIds: [elementary],
    });
    const post = (communityId: string) =>
      leader.post("/api/v1/surveys", { definition: smallDefinition(unique("Leader's")), communityId });
    expect((await post(mine.id)).status).toBe(201);
    expect((await post(archived.id)).status).toBe(403);
    expect((await post(other.id)).status).toBe(404);
  });
});
