import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../test/app.ts";
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
  notificationsOf,
  owner,
  partner,
  setupCast,
  t,
} from "./test-cast.ts";

beforeAll(setupCast);
afterAll(() => t?.close());

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
    const seen = async (c: Client) =>
      (await c.get(`/api/v1/artifacts/${work.id}/exemplar`)).body.lastDeclined;
    expect(await seen(member.client)).toMatchObject({ reviewNote: "Add the answer key first." });
    expect(await seen(owner.client)).toMatchObject({ reviewedBy: { name: "Ida Moreno" } });
    expect(await seen(partner.client)).toBeNull();
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
