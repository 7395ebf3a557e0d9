import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { cycleEvidence } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { createCycle } from "../goal-factories.ts";
import {
  type CommunityTarget,
  fresh,
  idOf,
  ids,
  manage,
  type Runnable,
  readOnly,
  shared,
  spec,
  type Target,
  t,
} from "./matrix.ts";

/*
 * Improvement cycles. Rows are cycles of the matrix's communities (visible / private of Riverside
 * Elementary, otherDistrict of Lakeside; nonexistent: a random id). Reading follows the community
 * (partners and observers in it read too); starting, editing, moving between stages, deciding and
 * removing someone else's evidence are for its managers; stage notes and evidence also for members.
 */

type Fx = { cycleId: string; communityId: string; title: string; evidenceId: string };

const orgOf = (target: Target) => (target === "otherDistrict" ? ids.lakeside : ids.riverside);
const managerOf = (target: Target) => (target === "otherDistrict" ? ids.lakeFacilitator : idOf("fac"));

async function make(target: Target, stage = 1): Promise<Fx & { secret: string }> {
  const title = unique("Matrix cycle");
  if (target === "nonexistent")
    return { cycleId: newId(), communityId: newId(), title, evidenceId: newId(), secret: title };
  const communityId = shared[target as CommunityTarget].id;
  const orgId = orgOf(target);
  const cycle = await createCycle(t.db, { orgId, communityId, createdBy: managerOf(target), title, stage });
  const evidenceId = newId();
  await t.db.insert(cycleEvidence).values({
    id: evidenceId,
    orgId,
    cycleId: cycle.id,
    stage: 1,
    kind: "url",
    url: "https://example.org/matrix",
    title: "Matrix link",
    addedBy: managerOf(target),
  });
  return { cycleId: cycle.id, communityId, title, evidenceId, secret: title };
}

const cache = new Map<Target, Promise<Fx & { secret: string }>>();
const once = (target: Target) => {
  const found = cache.get(target) ?? make(target);
  cache.set(target, found);
  return found;
};

const cycleRow = async (id: string) =>
  (
    await t.db.execute<{ title: string; stage: number; status: string; evidence: number; notes: string }>(sql`
      select c.title, c.stage, c.status,
        (select count(*)::int from cycle_evidence e where e.cycle_id = c.id) as evidence,
        coalesce((select notes from cycle_stage_records r where r.cycle_id = c.id and r.stage = 1), '') as notes
      from cycles c where c.id = ${id}`)
  ).rows[0];

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    Y    Y    Y    Y    Y    Y    H    A
  private        Y    Y    H    Y    Y    Y    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Stage notes and evidence: managers and active members, not partners or observers. */
const contributors = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    Y    F    F    F    H    A
  private        Y    Y    H    Y    Y    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const cycleUrl = (fx: Fx, path = "") => `/api/v1/cycles/${fx.cycleId}${path}`;

export const cycleSpecs: Runnable[] = [
  spec<Fx & { name: string }>({
    routes: ["POST /api/v1/communities/:id/cycles"],
    grid: manage,
    prepare: async (target, actor) => {
      const community = await fresh(target, actor);
      return {
        ...community,
        cycleId: "",
        communityId: community.id,
        title: unique("Matrix start"),
        evidenceId: "",
      };
    },
    call: (a, fx) => a.client.post(`/api/v1/communities/${fx.communityId}/cycles`, { title: fx.title }),
    changed: async (fx) =>
      (
        await t.db.execute(
          sql`select 1 from cycles where community_id = ${fx.communityId} and title = ${fx.title}`,
        )
      ).rows.length > 0,
  }),
  spec<Fx & { name: string }>({
    routes: ["GET /api/v1/communities/:id/cycles"],
    grid: readers,
    prepare: async (target, actor) => {
      const community = await readOnly(target, actor);
      const cycle = await once(target);
      return { ...cycle, name: community.name, communityId: community.id, secret: community.name };
    },
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.communityId}/cycles`),
    verify: (outcome, response, fx) => {
      if (outcome === "Y") expect(response.body.items.map((c: { id: string }) => c.id)).toContain(fx.cycleId);
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/cycles/:id"],
    grid: readers,
    prepare: once,
    call: (a, fx) => a.client.get(cycleUrl(fx)),
    verify: (outcome, response, fx) => {
      if (outcome === "Y") expect(response.body.title).toBe(fx.title);
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/cycles/:id/report.csv"],
    grid: readers,
    prepare: once,
    call: (a, fx) => a.client.get(cycleUrl(fx, "/report.csv")),
    verify: (outcome, response, fx) => {
      if (outcome === "Y") expect(String(response.body)).toContain(fx.title);
    },
  }),
  spec<Fx>({
    routes: ["PATCH /api/v1/cycles/:id"],
    grid: manage,
    prepare: (target) => make(target),
    call: (a, fx) => a.client.patch(cycleUrl(fx), { version: 1, title: `${fx.title} renamed` }),
    changed: async (fx) => (await cycleRow(fx.cycleId))?.title === `${fx.title} renamed`,
  }),
  spec<Fx>({
    routes: ["PUT /api/v1/cycles/:id/stages/:stage"],
    grid: contributors,
    prepare: (target) => make(target),
    call: (a, fx) => a.client.put(cycleUrl(fx, "/stages/1"), { notes: "Matrix notes" }),
    changed: async (fx) => (await cycleRow(fx.cycleId))?.notes === "Matrix notes",
  }),
  spec<Fx>({
    routes: ["POST /api/v1/cycles/:id/stage"],
    grid: manage,
    // Back one stage: always allowed to those who may move the cycle.
    prepare: (target) => make(target, 2),
    call: (a, fx) => a.client.post(cycleUrl(fx, "/stage"), { to: 1 }),
    changed: async (fx) => (await cycleRow(fx.cycleId))?.stage === 1,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/cycles/:id/evidence"],
    grid: contributors,
    prepare: (target) => make(target),
    call: (a, fx) =>
      a.client.post(cycleUrl(fx, "/evidence"), {
        stage: 1,
        kind: "url",
        title: "Exit tickets",
        url: "https://example.org/exit-tickets",
      }),
    changed: async (fx) => (await cycleRow(fx.cycleId))?.evidence === 2,
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/cycles/:id/evidence/:evidenceId"],
    // The facilitator added it: members may remove only what they added.
    grid: manage,
    prepare: (target) => make(target),
    call: (a, fx) => a.client.delete(cycleUrl(fx, `/evidence/${fx.evidenceId}`)),
    changed: async (fx) => (await cycleRow(fx.cycleId))?.evidence === 0,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/cycles/:id/decision"],
    grid: manage,
    prepare: (target) => make(target, 7),
    call: (a, fx) => a.client.post(cycleUrl(fx, "/decision"), { decision: "adopt", note: "It worked." }),
    changed: async (fx) => (await cycleRow(fx.cycleId))?.status === "completed",
  }),
  spec<Fx>({
    routes: ["POST /api/v1/cycles/:id/stop"],
    grid: manage,
    prepare: (target) => make(target, 3),
    call: (a, fx) => a.client.post(cycleUrl(fx, "/stop"), { reason: "The need went away." }),
    changed: async (fx) => (await cycleRow(fx.cycleId))?.status === "stopped",
  }),
];
