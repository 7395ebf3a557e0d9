import { eq } from "drizzle-orm";
import { teamReflections } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { type CommunityTarget, idOf, ids, type Runnable, shared, spec, type Target, t } from "./matrix.ts";

/*
 * Team reflections (features/team-reflections/policy.ts): read like the community's minutes — the
 * district's administrators, leaders of its schools, its active members but partners (observers
 * included); written by its facilitators and members; deleted by its facilitators. Those who can see the
 * community but not its reflections get 403 on the community's list and 404 on a reflection.
 */

type Fx = { communityId: string; reflectionId: string; title: string; planted: boolean };

async function fixture(target: Target): Promise<Fx & { secret: string }> {
  const title = unique("Matrix reflection");
  if (target === "nonexistent")
    return { communityId: newId(), reflectionId: newId(), title, planted: false, secret: title };
  const lake = target === "otherDistrict";
  const community = shared[target as CommunityTarget];
  const reflectionId = newId();
  await t.db.insert(teamReflections).values({
    id: reflectionId,
    orgId: lake ? ids.lakeside : ids.riverside,
    communityId: community.id,
    kind: "standard",
    title,
    content: { elements: {} },
    createdBy: lake ? ids.lakeFacilitator : idOf("fac"),
  });
  return { communityId: community.id, reflectionId, title, planted: true, secret: title };
}

const row = async (id: string) =>
  (await t.db.select().from(teamReflections).where(eq(teamReflections.id, id)))[0];

const writers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        F    F    H    Y    Y    H    F    H    H    A
  private        F    F    H    Y    Y    H    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    F    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

export const teamReflectionSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/communities/:id/team-reflections"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    F    Y    Y    F    Y    F    H    A
      private        Y    Y    H    Y    Y    F    Y    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.communityId}/team-reflections`),
    verify: (outcome, { body }, fx) => {
      if (outcome !== "Y") return;
      if (!body.items.some((r: { title: string }) => r.title === fx.title)) throw new Error("not listed");
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/team-reflections/:id"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    H    Y    Y    H    Y    H    H    A
      private        Y    Y    H    Y    Y    H    Y    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/team-reflections/${fx.reflectionId}`),
  }),
  spec<Fx>({
    routes: ["POST /api/v1/communities/:id/team-reflections"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        F    F    F    Y    Y    F    F    F    H    A
      private        F    F    H    Y    Y    F    F    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    F    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: fixture,
    call: (a, fx) =>
      a.client.post(`/api/v1/communities/${fx.communityId}/team-reflections`, {
        kind: "standard",
        title: `${fx.title} new`,
      }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(teamReflections)
          .where(eq(teamReflections.title, `${fx.title} new`))
      ).length > 0,
  }),
  spec<Fx>({
    routes: ["PUT /api/v1/team-reflections/:id"],
    grid: writers,
    prepare: fixture,
    call: (a, fx) =>
      a.client.put(`/api/v1/team-reflections/${fx.reflectionId}`, {
        version: 1,
        content: { elements: { "continuous-improvement": { answers: {}, rating: 2, nextSteps: "" } } },
      }),
    changed: async (fx) => fx.planted && (await row(fx.reflectionId))?.version === 2,
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/team-reflections/:id"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        F    F    H    Y    F    H    F    H    H    A
      private        F    F    H    Y    F    H    F    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    F    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: fixture,
    call: (a, fx) => a.client.delete(`/api/v1/team-reflections/${fx.reflectionId}`),
    changed: async (fx) => fx.planted && !(await row(fx.reflectionId)),
  }),
];
