import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { insertArtifact, insertThread } from "../../features/search/test-fixtures.ts";
import { type CommunityTarget, idOf, ids, type Runnable, shared, spec, type Target, t } from "./matrix.ts";

/*
 * Search finds only what the caller may read; the permission is in the query, so a forbidden thing is
 * simply not listed (N), never a 403/404 that would say it exists. Each cell plants a work sample (or a
 * thread) with a word of its own in the target community and searches for that word.
 *   L  the search lists it            N  the search answers 200 without it
 */

type Planted = { word: string; id: string };
const word = () => `lampmatrix${randomBytes(5).toString("hex")}`;

async function plant(target: Target, studentWork: boolean): Promise<Planted & { secret: string }> {
  const community = shared[target as CommunityTarget];
  const w = word();
  const lakeside = target === "otherDistrict";
  const id = await insertArtifact(matrixDb(), {
    orgId: lakeside ? ids.lakeside : ids.riverside,
    communityId: community.id,
    ownerId: lakeside ? ids.lakeFacilitator : idOf("fac"),
    title: `Quiz ${w}`,
    containsStudentWork: studentWork,
  });
  return { word: w, id, secret: w };
}

async function plantThread(target: Target): Promise<Planted & { secret: string }> {
  const community = shared[target as CommunityTarget];
  const w = word();
  const lakeside = target === "otherDistrict";
  const { threadId } = await insertThread(matrixDb(), {
    orgId: lakeside ? ids.lakeside : ids.riverside,
    communityId: community.id,
    authorId: lakeside ? ids.lakeFacilitator : idOf("fac"),
    title: `Question ${w}`,
    bodies: [`About ${w}.`],
  });
  return { word: w, id: threadId, secret: w };
}

const matrixDb = () => t.db;

const listed = (outcome: string, body: { items: { id: string }[] }, fx: Planted) => {
  if (outcome !== "L" && outcome !== "N") return;
  const found = body.items.map((i) => i.id);
  if (outcome === "L") expect(found).toContain(fx.id);
  if (outcome === "N") expect(found).not.toContain(fx.id);
};

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        L    L    L    L    L    L    L    L    N    A
  private        L    L    N    L    L    L    L    N    N    A
  otherDistrict  N    N    N    N    N    N    N    N    L    A`;

export const searchSpecs: Runnable[] = [
  spec<Planted>({
    routes: ["GET /api/v1/search"],
    grid: readers,
    prepare: (target) => plant(target, false),
    call: (a, fx) => a.client.get(`/api/v1/search?q=${fx.word}`),
    verify: (outcome, { body }, fx) => listed(outcome, body, fx),
  }),
  // Student work: never for partners, whatever their place in the community.
  spec<Planted>({
    routes: ["GET /api/v1/search (student work)"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        L    L    L    L    L    N    L    L    N    A
      private        L    L    N    L    L    N    L    N    N    A
      otherDistrict  N    N    N    N    N    N    N    N    L    A`,
    prepare: (target) => plant(target, true),
    call: (a, fx) => a.client.get(`/api/v1/search?q=${fx.word}`),
    verify: (outcome, { body }, fx) => listed(outcome, body, fx),
  }),
  spec<Planted>({
    routes: ["GET /api/v1/search (discussions)"],
    grid: readers,
    prepare: (target) => plantThread(target),
    call: (a, fx) => a.client.get(`/api/v1/search?q=${fx.word}&type=discussion`),
    verify: (outcome, { body }, fx) => listed(outcome, body, fx),
  }),
];
