import { expect } from "vitest";
import { newId } from "../../lib/ids.ts";
import { clearReadCachesHere } from "../../lib/read-cache.ts";
import type { Response } from "../app.ts";
import { unique } from "../factories.ts";
import { createCycle, createGoal } from "../goal-factories.ts";
import { type CommunityTarget, idOf, ids, type Runnable, shared, spec, type Target, t } from "./matrix.ts";

/*
 * The alignment map and the leaders' dashboard.
 *
 * Map, by school (rows: own = Riverside Elementary, otherDistrict = Lakeside High, nonexistent = a random
 * id): everyone of the district opens any of its schools' maps; another district's school is 404.
 * Map, a community goal (rows: a goal of the matrix's visible / private / Lakeside community, on the
 * whole-district map): L listed for whoever may read the community, N not listed.
 * Dashboard (row district: no filter): administrators and school leaders only, 403 for everyone else
 * before anything is looked up. Dashboard cycles (rows: a cycle of the matrix's communities, which belong
 * to Riverside Elementary): L listed for administrators and that school's leaders, N for lOth. Dashboard by
 * school (rows as for the map): a school leader only for the schools they lead (403), another district's
 * or no school 404.
 */

type SchoolFx = { schoolId: string; secret: string };
type ItemFx = { id: string; title: string; secret: string };

const school = async (target: Target): Promise<SchoolFx> => ({
  schoolId: target === "own" ? ids.elementary : target === "otherDistrict" ? ids.lakesideHigh : newId(),
  secret: "Riverside Elementary",
});

const orgOf = (target: Target) => (target === "otherDistrict" ? ids.lakeside : ids.riverside);
const authorOf = (target: Target) => (target === "otherDistrict" ? ids.lakeFacilitator : idOf("fac"));

const goals = new Map<Target, Promise<ItemFx>>();
const communityGoal = (target: Target) => {
  const found =
    goals.get(target) ??
    createGoal(t.db, {
      orgId: orgOf(target),
      level: "community",
      communityId: shared[target as CommunityTarget].id,
      createdBy: authorOf(target),
      title: unique("Matrix community goal"),
    }).then((g) => ({ ...g, secret: g.title }));
  goals.set(target, found);
  // The fixtures are written straight into the database: drop cached reads as a write request would.
  return found.then((fx) => {
    clearReadCachesHere();
    return fx;
  });
};

const cycles = new Map<Target, Promise<ItemFx>>();
const cycle = (target: Target) => {
  const found =
    cycles.get(target) ??
    createCycle(t.db, {
      orgId: orgOf(target),
      communityId: shared[target as CommunityTarget].id,
      createdBy: authorOf(target),
      title: unique("Matrix cycle"),
    }).then((c) => ({ ...c, secret: c.title }));
  cycles.set(target, found);
  return found.then((fx) => {
    clearReadCachesHere();
    return fx;
  });
};

const listed =
  (pick: (body: Response["body"]) => { id: string }[]) =>
  (outcome: string, response: Response, fx: ItemFx) => {
    if (outcome !== "L" && outcome !== "N") return;
    const found = pick(response.body).map((i) => i.id);
    if (outcome === "L") expect(found).toContain(fx.id);
    else expect(found).not.toContain(fx.id);
  };

export const alignmentSpecs: Runnable[] = [
  spec<SchoolFx>({
    routes: ["GET /api/v1/alignment-map"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      own            Y    Y    Y    Y    Y    Y    Y    Y    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: school,
    call: (a, fx) => a.client.get(`/api/v1/alignment-map?schoolId=${fx.schoolId}`),
    verify: (outcome, response, fx) => {
      if (outcome === "Y") expect(response.body.school.id).toBe(fx.schoolId);
    },
  }),
  spec<ItemFx>({
    routes: ["GET /api/v1/alignment-map"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        L    L    L    L    L    L    L    L    N    A
      private        L    L    N    L    L    L    L    N    N    A
      otherDistrict  N    N    N    N    N    N    N    N    L    A`,
    prepare: communityGoal,
    call: (a) => a.client.get("/api/v1/alignment-map"),
    verify: listed((body) => body.goals),
  }),
  spec<SchoolFx>({
    routes: ["GET /api/v1/improvement-dashboard"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      district       Y    Y    Y    F    F    F    F    F    Y    A`,
    prepare: async () => ({ schoolId: "", secret: "" }),
    call: (a) => a.client.get("/api/v1/improvement-dashboard"),
    verify: (outcome, response) => {
      if (outcome === "Y")
        expect(response.body.counts).toEqual(expect.objectContaining({ goals: expect.any(Number) }));
    },
  }),
  spec<ItemFx>({
    routes: ["GET /api/v1/improvement-dashboard"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        L    L    N    F    F    F    F    F    N    A
      private        L    L    N    F    F    F    F    F    N    A
      otherDistrict  N    N    N    F    F    F    F    F    L    A`,
    prepare: cycle,
    call: (a, fx) => a.client.get(`/api/v1/improvement-dashboard?q=${encodeURIComponent(fx.title)}`),
    verify: listed((body) => body.cycles.items),
  }),
  spec<SchoolFx>({
    routes: ["GET /api/v1/improvement-dashboard"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      own            Y    Y    F    F    F    F    F    F    H    A
      otherDistrict  H    H    H    F    F    F    F    F    Y    A
      nonexistent    H    H    H    F    F    F    F    F    H    A`,
    prepare: school,
    call: (a, fx) => a.client.get(`/api/v1/improvement-dashboard?schoolId=${fx.schoolId}`),
  }),
];
