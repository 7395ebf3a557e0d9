import { eq } from "drizzle-orm";
import { assessmentItems, assessments } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { type CommunityTarget, idOf, ids, type Runnable, shared, spec, type Target, t } from "./matrix.ts";

/*
 * Assessments (features/results/policy.ts): administrators, the leaders of the community's school and its
 * facilitators create and read them; partners never; everyone else is refused (403) where they can see
 * the community, and told it does not exist (400 on communityId, 404 on an assessment) where they cannot.
 */

type Fx = { communityId: string; title: string; assessmentId: string };

async function fixture(target: Target, withAssessment: boolean): Promise<Fx & { secret: string }> {
  const title = unique("Matrix assessment");
  if (target === "nonexistent") return { communityId: newId(), title, assessmentId: newId(), secret: title };
  const community = shared[target as CommunityTarget];
  const assessmentId = newId();
  if (withAssessment) {
    const orgId = target === "otherDistrict" ? ids.lakeside : ids.riverside;
    const createdBy = target === "otherDistrict" ? ids.lakeFacilitator : idOf("fac");
    await t.db
      .insert(assessments)
      .values({ id: assessmentId, orgId, communityId: community.id, title, createdBy });
    await t.db
      .insert(assessmentItems)
      .values({ id: newId(), orgId, assessmentId, label: "Q1", position: 0, maxPoints: 1 });
  }
  return { communityId: community.id, title, assessmentId, secret: title };
}

export const resultSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["POST /api/v1/assessments"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    F    Y    F    F    F    F    B    A
      private        Y    Y    B    Y    F    F    F    B    B    A
      otherDistrict  B    B    B    B    B    B    B    B    Y    A
      nonexistent    B    B    B    B    B    B    B    B    B    A`,
    prepare: (target) => fixture(target, false),
    call: (a, fx) =>
      a.client.post("/api/v1/assessments", {
        title: fx.title,
        communityId: fx.communityId,
        items: [{ label: "Q1", maxPoints: 2 }],
      }),
    changed: async (fx) =>
      (await t.db.select().from(assessments).where(eq(assessments.title, fx.title))).length > 0,
  }),
  spec<Fx>({
    routes: ["GET /api/v1/assessments/:id"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    H    Y    H    H    H    H    H    A
      private        Y    Y    H    Y    H    H    H    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: (target) => fixture(target, true),
    call: (a, fx) => a.client.get(`/api/v1/assessments/${fx.assessmentId}`),
  }),
];
