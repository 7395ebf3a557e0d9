import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { GoalLevel } from "../../../shared/schemas/goal-enums.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { addMeasurement, createGoal } from "../goal-factories.ts";
import { type CommunityTarget, idOf, ids, type Runnable, shared, spec, type Target, t } from "./matrix.ts";

/*
 * Goals (features/goals/policy.ts). Rows — what the goal belongs to:
 *   visible / private / otherDistrict   a goal of the matrix's district-visible / private community of
 *                                       Riverside Elementary, or of Lakeside's community
 *   nonexistent                         a random goal id
 *   own                                 a school goal of Riverside Elementary (lOwn leads it, lOth does not)
 *   district                            a district goal of Riverside
 * Reading: everyone of the district reads district and school goals (partners too); a community's goals
 * follow the community. Editing (PATCH, alignments, removing a measurement): administrators; a school's
 * leaders for its goals; a community's facilitators and its schools' leaders for its goals. Recording
 * progress: the editors, and a community goal's active members (not observers or partners). The goals
 * here have no owner, so owning one never explains an outcome.
 */

type Fx = { id: string; title: string; alignTo: string; measurementId: string };

const orgOf = (target: Target) => (target === "otherDistrict" ? ids.lakeside : ids.riverside);
const creatorOf = (target: Target) => (target === "otherDistrict" ? ids.lakeFacilitator : idOf("adm"));
const levelOf = (target: Target): GoalLevel =>
  target === "own" ? "school" : target === "district" ? "district" : "community";
const above: Record<string, GoalLevel> = { community: "school", school: "district", district: "state" };

async function make(target: Target): Promise<Fx & { secret: string }> {
  const title = unique("Matrix goal");
  if (target === "nonexistent")
    return { id: newId(), title, alignTo: newId(), measurementId: newId(), secret: title };
  const orgId = orgOf(target);
  const level = levelOf(target);
  const school = target === "otherDistrict" ? ids.lakesideHigh : ids.elementary;
  const place = {
    orgId,
    createdBy: creatorOf(target),
    ownerId: null,
    schoolId: school,
    communityId: level === "community" ? shared[target as CommunityTarget].id : undefined,
  };
  const goal = await createGoal(t.db, { ...place, level, title });
  const up = await createGoal(t.db, { ...place, level: above[level] as GoalLevel });
  const m = await addMeasurement(t.db, {
    orgId,
    goalId: goal.id,
    value: 50,
    measuredOn: "2026-10-01",
    createdBy: creatorOf(target),
  });
  return { id: goal.id, title, alignTo: up.id, measurementId: m.id, secret: title };
}

const cache = new Map<Target, Promise<Fx & { secret: string }>>();
const once = (target: Target) => {
  const found = cache.get(target) ?? make(target);
  cache.set(target, found);
  return found;
};

const one = async (query: ReturnType<typeof sql>) => (await t.db.execute(query)).rows.length === 1;

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    Y    Y    Y    Y    Y    Y    H    A
  private        Y    Y    H    Y    Y    Y    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A
  own            Y    Y    Y    Y    Y    Y    Y    Y    H    A
  district       Y    Y    Y    Y    Y    Y    Y    Y    H    A`;

const editors = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    F    F    F    F    H    A
  private        Y    Y    H    Y    F    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A
  own            Y    Y    F    F    F    F    F    F    H    A
  district       Y    F    F    F    F    F    F    F    H    A`;

const recorders = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    Y    F    F    F    H    A
  private        Y    Y    H    Y    Y    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A
  own            Y    Y    F    F    F    F    F    F    H    A
  district       Y    F    F    F    F    F    F    F    H    A`;

const canOf = (grid: string, target: Target, key: string) => {
  const lines = grid
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/));
  const header = lines[0] ?? [];
  const row = lines.find((l) => l[0] === target) ?? [];
  return row[header.indexOf(key)] === "Y";
};

export const goalSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/goals/:id"],
    grid: readers,
    prepare: once,
    call: (a, fx) => a.client.get(`/api/v1/goals/${fx.id}`),
    verify: (outcome, { body }, _fx, actor, target) => {
      if (outcome !== "Y") return;
      // What `can` tells the UI is exactly what the editing and progress grids allow.
      expect(body.can).toEqual({
        edit: canOf(editors, target, actor.key),
        recordProgress: canOf(recorders, target, actor.key),
        align: canOf(editors, target, actor.key),
      });
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/goals/:id/history"],
    grid: readers,
    prepare: once,
    call: (a, fx) => a.client.get(`/api/v1/goals/${fx.id}/history`),
  }),
  spec<Fx>({
    routes: ["GET /api/v1/goals"],
    // Listed by place: ?communityId= for a community's goals, ?schoolId= for a school's, ?level=district.
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        L    L    L    L    L    L    L    L    N    A
      private        L    L    N    L    L    L    L    N    N    A
      otherDistrict  N    N    N    N    N    N    N    N    L    A
      own            L    L    L    L    L    L    L    L    N    A
      district       L    L    L    L    L    L    L    L    N    A`,
    prepare: once,
    call: async (a, fx) => {
      const [row] = (
        await t.db.execute<{ level: string; school_id: string | null; community_id: string | null }>(
          sql`select level, school_id, community_id from goals where id = ${fx.id}`,
        )
      ).rows;
      const query =
        row?.level === "community"
          ? `communityId=${row.community_id}`
          : row?.level === "school"
            ? `level=school&schoolId=${row.school_id}`
            : "level=district";
      return a.client.get(`/api/v1/goals?${query}`);
    },
    verify: (outcome, { body }, fx) => {
      if (outcome !== "L" && outcome !== "N") return;
      const found = body.items.map((g: { id: string }) => g.id);
      if (outcome === "L") expect(found).toContain(fx.id);
      else expect(found).not.toContain(fx.id);
    },
  }),
  spec<Fx>({
    routes: ["POST /api/v1/goals"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    F    Y    F    F    F    F    H    A
      private        Y    Y    H    Y    F    F    F    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A
      own            Y    Y    F    F    F    F    F    F    H    A
      district       Y    F    F    F    F    F    F    F    Y    A`,
    prepare: async (target) => {
      const title = unique("Matrix new goal");
      const place =
        target === "own"
          ? { level: "school", schoolId: ids.elementary }
          : target === "district"
            ? { level: "district" }
            : {
                level: "community",
                communityId: target === "nonexistent" ? newId() : shared[target as CommunityTarget].id,
              };
      return { id: "", title, alignTo: JSON.stringify(place), measurementId: "", secret: title };
    },
    call: (a, fx) =>
      a.client.post("/api/v1/goals", {
        ...JSON.parse(fx.alignTo),
        title: fx.title,
        improvement: "Fluency",
        population: "Grade 3",
        measure: "Words per minute",
        unit: "count",
        baseline: 60,
        target: 90,
        startsOn: "2026-09-01",
        deadline: "2027-06-01",
      }),
    changed: (fx) => one(sql`select 1 from goals where title = ${fx.title}`),
  }),
  spec<Fx>({
    routes: ["PATCH /api/v1/goals/:id"],
    grid: editors,
    prepare: make,
    call: (a, fx) => a.client.patch(`/api/v1/goals/${fx.id}`, { version: 1, title: `${fx.title} renamed` }),
    changed: (fx) => one(sql`select 1 from goals where id = ${fx.id} and title = ${`${fx.title} renamed`}`),
  }),
  spec<Fx>({
    routes: ["PUT /api/v1/goals/:id/alignments"],
    grid: editors,
    prepare: make,
    call: (a, fx) => a.client.put(`/api/v1/goals/${fx.id}/alignments`, { alignedToIds: [fx.alignTo] }),
    changed: (fx) =>
      one(sql`select 1 from goal_alignments where goal_id = ${fx.id} and aligned_to_id = ${fx.alignTo}`),
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/goals/:id/measurements/:measurementId"],
    grid: editors,
    prepare: make,
    call: (a, fx) => a.client.delete(`/api/v1/goals/${fx.id}/measurements/${fx.measurementId}`),
    // Gone from a goal that exists (a nonexistent goal never had it).
    changed: async (fx) =>
      (await one(sql`select 1 from goals where id = ${fx.id}`)) &&
      !(await one(sql`select 1 from goal_measurements where id = ${fx.measurementId}`)),
  }),
  spec<Fx>({
    routes: ["POST /api/v1/goals/:id/measurements"],
    grid: recorders,
    prepare: make,
    call: (a, fx) =>
      a.client.post(`/api/v1/goals/${fx.id}/measurements`, {
        value: 55,
        unit: "percent",
        measuredOn: "2026-11-01",
      }),
    changed: (fx) => one(sql`select 1 from goal_measurements where goal_id = ${fx.id} and value = 55`),
  }),
  spec<Fx>({
    routes: ["POST /api/v1/goals/:id/check-ins"],
    grid: recorders,
    prepare: make,
    call: (a, fx) => a.client.post(`/api/v1/goals/${fx.id}/check-ins`, { note: "Exit tickets improved." }),
    changed: (fx) => one(sql`select 1 from goal_check_ins where goal_id = ${fx.id}`),
  }),
];
