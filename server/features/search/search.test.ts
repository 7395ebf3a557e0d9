import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, orgId as orgIdOf } from "../../test/factories.ts";
import { insertArtifact, insertThread } from "./test-fixtures.ts";

let t: TestApp;
const ids: Record<string, string> = {};
const as = (who: string): Promise<Client> => t.as(who.includes("@") ? who : `${who}@riverside.example`);
type Item = { kind: string; id: string; title: string; snippet: { text: string; highlighted: boolean }[] };
const find = async (who: string, query: string) => {
  const response = await (await as(who)).get(`/api/v1/search?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { items: Item[]; counts: Record<string, number>; approximate: boolean };
};
const idsOf = (body: { items: Item[] }) => body.items.map((i) => i.id);
const q = (words: string) => `q=${encodeURIComponent(words)}`;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgIdOf(t.db, "riverside");
  const lake = await orgIdOf(t.db, "lakeside");
  for (const who of ["teacher1", "teacher2", "teacher3", "teacher4", "parent", "admin"])
    ids[who] = await t.personId(`${who}@riverside.example`);
  ids.lake = await t.personId("teacher1@lakeside.example");
  const teamA = await createCommunity(t.db, {
    orgId: org,
    name: "Quokka Math Circle",
    visibility: "private",
    members: [
      [ids.teacher1 ?? "", "member"],
      [ids.parent ?? "", "partner"],
    ],
  });
  const teamB = await createCommunity(t.db, {
    orgId: org,
    name: "Wombat Writing Team",
    visibility: "private",
    members: [[ids.teacher2 ?? "", "member"]],
  });
  const open = await createCommunity(t.db, {
    orgId: org,
    name: "Quokka Inquiry Circle",
    visibility: "organization",
  });
  const lakeTeam = await createCommunity(t.db, {
    orgId: lake,
    name: "Lakeside Quokka Club",
    visibility: "organization",
  });
  Object.assign(ids, { teamA: teamA.id, teamB: teamB.id, open: open.id });
  const inA = { orgId: org, communityId: teamA.id, ownerId: ids.teacher1 ?? "" };
  ids.quiz = await insertArtifact(t.db, {
    ...inA,
    title: "Quokka ratio quiz: unit rates",
    kind: "assessment",
    description: "Twenty questions on proportional reasoning with tables and graphs.",
    focusingQuestion: "What am I really trying to assess?",
    subjects: ["Math"],
    gradeBands: ["6-8"],
    standards: ["CCSS.MATH.7.RP.A.2"],
    topics: ["proportional reasoning"],
  });
  ids.fractions = await insertArtifact(t.db, {
    ...inA,
    title: "Quokka fractions lesson",
    description: "Students compare each ratio on a number line.",
    subjects: ["Math"],
    gradeBands: ["3-5"],
    standards: ["CCSS.MATH.4.NF.A.1"],
  });
  ids.essays = await insertArtifact(t.db, {
    ...inA,
    title: "Quokka student essays on ecosystems",
    kind: "student_work",
    containsStudentWork: true,
  });
  ids.archived = await insertArtifact(t.db, { ...inA, title: "Quokka ratio warmup", archived: true });
  ids.xss = await insertArtifact(t.db, { ...inA, title: "<img src=x onerror=alert(1)> quokka numberline" });
  ids.privateB = await insertArtifact(t.db, {
    orgId: org,
    communityId: teamB.id,
    ownerId: ids.teacher2 ?? "",
    title: "Quokka zebra rubric draft",
  });
  ids.exemplar = await insertArtifact(t.db, {
    orgId: org,
    communityId: teamB.id,
    ownerId: ids.teacher2 ?? "",
    title: "Quokka argument writing rubric",
    kind: "rubric",
    description: "Criteria for claims and evidence.",
    approved: true,
  });
  ids.copy = await insertArtifact(t.db, {
    orgId: org,
    communityId: null,
    ownerId: ids.teacher1 ?? "",
    title: "My quokka photosynthesis lab",
  });
  ids.lakeQuiz = await insertArtifact(t.db, {
    orgId: lake,
    communityId: lakeTeam.id,
    ownerId: ids.lake ?? "",
    title: "Quokka ratio quiz from Lakeside",
    standards: ["CCSS.MATH.7.RP.A.2"],
  });
  const thread = await insertThread(t.db, {
    ...{ orgId: org, communityId: teamA.id, authorId: ids.teacher1 ?? "" },
    title: "Tuning protocol for the quokka quiz",
    bodies: [
      "We used the **tuning** protocol on the [quiz](https://example.org/quiz).",
      "The zebra crossing example helped with unit rates.",
    ],
  });
  Object.assign(ids, { thread: thread.threadId, reply: thread.postIds[1] });
});
afterAll(() => t.close());

describe("finding things", () => {
  it("finds each type: work, exemplars, threads, posts and communities, with paths in the app", async () => {
    const quiz = await find("teacher1", q("quokka ratio quiz"));
    expect(quiz.items[0]).toMatchObject({
      kind: "artifact",
      id: ids.quiz,
      path: `/artifacts/${ids.quiz}`,
      communityName: "Quokka Math Circle",
      artifactKind: "assessment",
    });
    const thread = await find("teacher1", q("tuning protocol"));
    expect(thread.items).toContainEqual(
      expect.objectContaining({ kind: "thread", id: ids.thread, path: `/threads/${ids.thread}` }),
    );
    const reply = await find("teacher1", q("zebra crossing"));
    expect(reply.items).toContainEqual(
      expect.objectContaining({ kind: "post", path: `/threads/${ids.thread}#post-${ids.reply}` }),
    );
    const exemplar = await find("teacher4", q("argument rubric"));
    expect(exemplar.items).toContainEqual(expect.objectContaining({ kind: "exemplar", id: ids.exemplar }));
    const community = await find("teacher4", q("quokka inquiry"));
    expect(community.items[0]).toMatchObject({
      kind: "community",
      id: ids.open,
      path: `/communities/${ids.open}`,
    });
  });

  it("ranks a title match above a match in the description", async () => {
    const found = idsOf(await find("teacher1", q("ratio")));
    expect(found).toContain(ids.fractions);
    expect(found.indexOf(ids.quiz ?? "")).toBeLessThan(found.indexOf(ids.fractions ?? ""));
  });

  it("tolerates typos: close titles are found and the answer says so", async () => {
    const tuning = await find("teacher1", q("tunning protocol"));
    expect(idsOf(tuning)).toContain(ids.thread);
    expect(tuning.approximate).toBe(true);
    const ratio = await find("teacher1", q("quokka ratoi quizz"));
    expect(idsOf(ratio)).toContain(ids.quiz);
  });

  it("finds standards by their exact code and by a prefix, and says which standard matched", async () => {
    const exact = await find("teacher4", q("CCSS.MATH.7.RP.A.2"));
    expect(idsOf(exact)).toEqual([]);
    const member = await find("teacher1", q("CCSS.MATH.7.RP.A.2"));
    expect(member.items).toEqual([
      expect.objectContaining({ id: ids.quiz, standards: ["CCSS.MATH.7.RP.A.2"] }),
    ]);
    expect(idsOf(await find("teacher1", q("7.RP")))).toEqual([ids.quiz]);
    // A code with words: both must match (titles close to the words may follow, marked approximate).
    expect(idsOf(await find("teacher1", q("7.rp quiz")))[0]).toBe(ids.quiz);
    expect(idsOf(await find("teacher1", q("4.NF")))).toEqual([ids.fractions]);
  });

  it("returns snippets and titles as segments, the matched words highlighted, markup as plain text", async () => {
    const [quiz] = (await find("teacher1", q("proportional quokka"))).items;
    expect(quiz?.id).toBe(ids.quiz);
    expect(quiz?.snippet).toContainEqual({ text: "proportional", highlighted: true });
    expect((quiz as unknown as { titleSegments: unknown }).titleSegments).toContainEqual({
      text: "Quokka",
      highlighted: true,
    });
    const thread = (await find("teacher1", q("tuning protocol"))).items.find((i) => i.id === ids.thread);
    // The opening post's Markdown marks and link target are not part of the snippet.
    expect(thread?.snippet.map((s) => s.text).join("")).toBe("We used the tuning protocol on the quiz.");
    const xss = (await find("teacher1", q("numberline"))).items.find((i) => i.id === ids.xss);
    expect(xss?.title).toBe("<img src=x onerror=alert(1)> quokka numberline");
  });

  it("filters by type, subject, grade band, standard, kind and community, and counts every type", async () => {
    const all = await find("teacher1", q("quokka"));
    expect(all.counts).toMatchObject({ artifact: 6, exemplar: 1, discussion: 1, community: 2 });
    const only = async (query: string) => idsOf(await find("teacher1", `${q("quokka")}&${query}`));
    expect(await only("type=exemplar")).toEqual([ids.exemplar]);
    expect(await only("type=discussion")).toEqual([ids.thread]);
    expect((await only("type=community")).sort()).toEqual([ids.teamA, ids.open].sort());
    expect((await only("subject=math")).sort()).toEqual([ids.quiz, ids.fractions].sort());
    expect(await only("gradeBand=6-8")).toEqual([ids.quiz]);
    expect(await only("standard=CCSS.MATH.4")).toEqual([ids.fractions]);
    expect(await only("kind=rubric")).toEqual([ids.exemplar]);
    expect(await only(`type=artifact&communityId=${ids.teamB}`)).toEqual([ids.exemplar]);
    // One exact match plus close titles: each thing is counted once.
    const one = await find("teacher1", `${q("quokka ratio")}&kind=assessment`);
    expect(idsOf(one)).toEqual([ids.quiz]);
    expect(one.counts.artifact).toBe(1);
  });

  it("leaves archived work out unless asked", async () => {
    expect(idsOf(await find("teacher1", q("warmup")))).toEqual([]);
    expect(idsOf(await find("teacher1", `${q("warmup")}&archived=1`))).toEqual([ids.archived]);
  });
});

describe("who finds what", () => {
  it("a private community's work never appears for a member of a different community", async () => {
    const teacher2 = idsOf(await find("teacher2", q("quokka")));
    expect(teacher2).toContain(ids.privateB);
    expect(teacher2).not.toContain(ids.quiz);
    expect(teacher2).not.toContain(ids.thread);
    const teacher1 = idsOf(await find("teacher1", q("quokka zebra")));
    expect(teacher1).not.toContain(ids.privateB);
    expect(idsOf(await find("teacher1", q("zebra rubric draft")))).toEqual([]);
  });

  it("another district's work never appears, not even by its exact standard", async () => {
    for (const who of ["teacher1", "admin"]) {
      expect(idsOf(await find(who, q("Lakeside")))).not.toContain(ids.lakeQuiz);
      expect(idsOf(await find(who, q("7.RP")))).not.toContain(ids.lakeQuiz);
    }
    const lakeside = idsOf(await find("teacher1@lakeside.example", q("quokka ratio quiz")));
    expect(lakeside).toContain(ids.lakeQuiz);
    expect(lakeside).not.toContain(ids.quiz);
  });

  it("partners never get student work, nor exemplars from communities they are not in", async () => {
    const parent = idsOf(await find("parent", q("quokka")));
    expect(parent).toContain(ids.quiz);
    expect(parent).not.toContain(ids.essays);
    expect(parent).not.toContain(ids.exemplar);
    expect(idsOf(await find("teacher1", q("quokka essays")))).toContain(ids.essays);
  });

  it("a personal copy is found by its owner only", async () => {
    expect(idsOf(await find("teacher1", q("photosynthesis")))).toEqual([ids.copy]);
    expect(idsOf(await find("teacher2", q("photosynthesis")))).toEqual([]);
    expect(idsOf(await find("admin", q("photosynthesis")))).toEqual([]);
  });

  it("an approved exemplar from a private community appears for a district teacher, without its community", async () => {
    const found = await find("teacher4", q("quokka"));
    expect(found.items).toHaveLength(2);
    expect(found.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "exemplar",
          id: ids.exemplar,
          communityName: null,
          communityId: null,
        }),
        expect.objectContaining({ kind: "community", id: ids.open }),
      ]),
    );
  });

  it("administrators find every community's work of their district", async () => {
    const found = idsOf(await find("admin", q("quokka")));
    expect(found).toEqual(expect.arrayContaining([ids.quiz, ids.privateB, ids.essays, ids.thread]));
  });
});

describe("bad input", () => {
  it("names q when it is missing, empty or too long", async () => {
    const client = await as("teacher1");
    for (const query of ["", "q=", "q=%20%20", `q=${"a".repeat(201)}`]) {
      const response = await client.get(`/api/v1/search?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: "q" })]);
    }
  });

  it("names a bad type, grade band, kind or cursor", async () => {
    const client = await as("teacher1");
    for (const [param, path] of [
      ["type=everything", "type"],
      ["gradeBand=13", "gradeBand"],
      ["kind=poem", "kind"],
      ["cursor=abc", "cursor"],
      ["communityId=nope", "communityId"],
    ]) {
      const response = await client.get(`/api/v1/search?${q("quokka")}&${param}`);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path })]);
    }
  });

  it("asks to sign in first", async () => {
    expect((await t.anonymous.get(`/api/v1/search?${q("quokka")}`)).status).toBe(401);
  });

  it("survives words PostgreSQL treats specially", async () => {
    for (const words of ["!!!", "'", "a & b | c", "-", '"unterminated', "the", "%", "\\"]) {
      const response = await (await as("teacher1")).get(`/api/v1/search?${q(words)}`);
      expect(response.status, words).toBe(200);
    }
  });
});
