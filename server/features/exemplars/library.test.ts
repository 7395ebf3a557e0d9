import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../test/app.ts";
import { createExemplar } from "../../test/exemplar-factories.ts";
import { unique } from "../../test/factories.ts";
import {
  artifact,
  colleague,
  community,
  facilitator,
  lakesideAdmin,
  leader,
  member,
  nominate,
  owner,
  partner,
  riverside,
  setupCast,
  t,
} from "./test-cast.ts";

beforeAll(setupCast);
afterAll(() => t?.close());

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
