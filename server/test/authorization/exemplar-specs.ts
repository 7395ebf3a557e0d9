import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { ExemplarStatus } from "../../../shared/schemas/work-enums.ts";
import { newId } from "../../lib/ids.ts";
import { createArtifact, createExemplar } from "../exemplar-factories.ts";
import { unique } from "../factories.ts";
import {
  type Actor,
  type CommunityTarget,
  idOf,
  ids,
  type Runnable,
  shared,
  spec,
  type Target,
  t,
} from "./matrix.ts";

/*
 * Exemplars. The artifacts belong to the matrix's communities and are owned by their member (mem in
 * Riverside). Reading an artifact follows features/artifacts/policy.ts; nominating is for members,
 * facilitators and leaders; reviewing for facilitators and leaders but never the nominator or owner
 * (mem nominated these); withdrawing for the nominator or owner. An approved exemplar is readable by
 * every educator and leader of the district, even from a private community; partners are not offered
 * the library (403) and never see student work (404).
 */

type Fx = { artifactId: string; exemplarId: string; title: string; topic: string };

const orgOf = (target: Target) => (target === "otherDistrict" ? ids.lakeside : ids.riverside);

async function make(
  target: Target,
  status: ExemplarStatus | null,
  containsStudentWork = false,
): Promise<Fx & { secret: string }> {
  const title = unique("Matrix exemplar work");
  const topic = unique("matrix-topic").replace(/\W+/g, "-");
  if (target === "nonexistent")
    return { artifactId: newId(), exemplarId: newId(), title, topic, secret: title };
  const community = shared[target as CommunityTarget];
  const orgId = orgOf(target);
  const artifact = await createArtifact(t.db, {
    orgId,
    communityId: community.id,
    ownerId: community.memberId,
    title,
    topics: [topic],
    containsStudentWork,
  });
  const exemplar = status
    ? await createExemplar(t.db, {
        orgId,
        artifactId: artifact.id,
        nominatedBy: community.memberId,
        reviewedBy: target === "otherDistrict" ? ids.lakeFacilitator : idOf("fac"),
        status,
      })
    : null;
  return { artifactId: artifact.id, exemplarId: exemplar?.id ?? newId(), title, topic, secret: title };
}

/** Read-only routes share one fixture per target and kind. */
const cache = new Map<string, Promise<Fx & { secret: string }>>();
const once = (target: Target, status: ExemplarStatus | null, studentWork = false) => {
  const key = `${target}:${status}:${studentWork}`;
  const found = cache.get(key) ?? make(target, status, studentWork);
  cache.set(key, found);
  return found;
};

const statusOfExemplar = async (id: string) =>
  (await t.db.execute<{ status: string }>(sql`select status from exemplars where id = ${id}`)).rows[0]
    ?.status;

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    Y    Y    Y    Y    Y    Y    H    A
  private        Y    Y    H    Y    Y    Y    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const reviewers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    F    F    F    F    H    A
  private        Y    Y    H    Y    F    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const listed = (outcome: string, response: { body: { items: { id: string }[] } }, fx: Fx) => {
  if (outcome !== "L" && outcome !== "N") return;
  const found = response.body.items.map((e) => e.id);
  if (outcome === "L") expect(found).toContain(fx.exemplarId);
  else expect(found).not.toContain(fx.exemplarId);
};

const reviewSpec = (action: "approve" | "decline", result: ExemplarStatus) =>
  spec<Fx>({
    routes: [`POST /api/v1/exemplars/:id/${action}`],
    grid: reviewers,
    prepare: (target) => make(target, "nominated"),
    call: (a, fx) => a.client.post(`/api/v1/exemplars/${fx.exemplarId}/${action}`, { note: "Reviewed." }),
    changed: async (fx) => (await statusOfExemplar(fx.exemplarId)) === result,
  });

export const exemplarSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/artifacts/:id/exemplar"],
    grid: readers,
    prepare: (target) => once(target, "nominated"),
    call: (a, fx) => a.client.get(`/api/v1/artifacts/${fx.artifactId}/exemplar`),
    verify: (outcome, response, fx) => {
      if (outcome === "Y") expect(response.body.exemplar.id).toBe(fx.exemplarId);
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/artifacts/:id/exemplar"],
    // Work with student work, even once it is an approved exemplar: never to partners.
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    Y    Y    Y    H    Y    Y    H    A
      private        Y    Y    Y    Y    Y    H    Y    Y    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A`,
    prepare: (target) => once(target, "approved", true),
    call: (a, fx) => a.client.get(`/api/v1/artifacts/${fx.artifactId}/exemplar`),
    verify: (outcome, response) => {
      if (outcome === "Y") expect(response.body.exemplar.shareable).toBe(false);
    },
  }),
  spec<Fx>({
    routes: ["POST /api/v1/artifacts/:id/exemplar"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    F    Y    Y    F    F    F    H    A
      private        Y    Y    H    Y    Y    F    F    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: (target) => make(target, null),
    call: (a, fx) => a.client.post(`/api/v1/artifacts/${fx.artifactId}/exemplar`, { note: "A clear focus." }),
    changed: async (fx) =>
      (await t.db.execute(sql`select 1 from exemplars where artifact_id = ${fx.artifactId}`)).rows.length ===
      1,
  }),
  reviewSpec("approve", "approved"),
  reviewSpec("decline", "declined"),
  spec<Fx>({
    routes: ["POST /api/v1/exemplars/:id/withdraw"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        F    F    F    F    Y    F    F    F    H    A
      private        F    F    H    F    Y    F    F    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    F    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: (target) => make(target, "nominated"),
    call: (a, fx) => a.client.post(`/api/v1/exemplars/${fx.exemplarId}/withdraw`, {}),
    changed: async (fx) => (await statusOfExemplar(fx.exemplarId)) === "withdrawn",
  }),
  spec<Fx>({
    routes: ["GET /api/v1/exemplars"],
    // The library: approved exemplars across the caller's district, a private community's too.
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        L    L    L    L    L    F    L    L    N    A
      private        L    L    L    L    L    F    L    L    N    A
      otherDistrict  N    N    N    N    N    F    N    N    L    A`,
    prepare: (target) => once(target, "approved"),
    call: (a, fx) => a.client.get(`/api/v1/exemplars?topic=${fx.topic}`),
    verify: listed,
  }),
  spec<Fx>({
    routes: ["GET /api/v1/exemplars"],
    // status=nominated: what the caller may review (mem nominated these, so never theirs).
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        L    L    N    L    N    F    N    N    N    A
      private        L    L    N    L    N    F    N    N    N    A
      otherDistrict  N    N    N    N    N    F    N    N    L    A`,
    prepare: (target) => once(target, "nominated"),
    call: (a, fx) => a.client.get(`/api/v1/exemplars?status=nominated&topic=${fx.topic}`),
    verify: listed,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/exemplars/:id/copy"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    Y    Y    Y    F    Y    Y    H    A
      private        Y    Y    Y    Y    Y    F    Y    Y    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: (target) => once(target, "approved"),
    call: (a, fx) => a.client.post(`/api/v1/exemplars/${fx.exemplarId}/copy`, {}),
    changed: async (fx, actor: Actor) =>
      (
        await t.db.execute(sql`
          select 1 from artifacts where copied_from_id = ${fx.artifactId} and owner_id = ${actor.id ?? newId()}
            and community_id is null`)
      ).rows.length === 1,
  }),
];
