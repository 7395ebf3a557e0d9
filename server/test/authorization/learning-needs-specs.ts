import { and, eq } from "drizzle-orm";
import { learningNeedResponses, learningNeedSurveys } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import {
  type Actor,
  type CommunityTarget,
  idOf,
  ids,
  manage,
  type Runnable,
  shared,
  spec,
  type Target,
  t,
} from "./matrix.ts";

/*
 * The learning-needs survey (features/learning-needs/policy.ts): sent and closed by those who manage the
 * community; its summary (counts only) read by whoever may read the community, partners in it included;
 * answered by the team's active facilitators and members only (others who can see it: 403).
 */

type Fx = { communityId: string; surveyId: string; title: string; planted: boolean };

async function fixture(target: Target): Promise<Fx & { secret: string }> {
  const title = unique("Matrix survey");
  if (target === "nonexistent")
    return { communityId: newId(), surveyId: newId(), title, planted: false, secret: title };
  const lake = target === "otherDistrict";
  const community = shared[target as CommunityTarget];
  const surveyId = newId();
  await t.db.insert(learningNeedSurveys).values({
    id: surveyId,
    orgId: lake ? ids.lakeside : ids.riverside,
    communityId: community.id,
    title,
    standards: ["7.RP.1"],
    practices: ["Number talks"],
    createdBy: lake ? ids.lakeFacilitator : idOf("fac"),
  });
  return { communityId: community.id, surveyId, title, planted: true, secret: title };
}

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    Y    Y    Y    Y    Y    Y    H    A
  private        Y    Y    H    Y    Y    Y    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const answered = async (fx: Fx, a: Actor) =>
  (
    await t.db
      .select()
      .from(learningNeedResponses)
      .where(
        and(
          eq(learningNeedResponses.surveyId, fx.surveyId),
          eq(learningNeedResponses.personId, a.id ?? newId()),
        ),
      )
  ).length > 0;

export const learningNeedSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["POST /api/v1/communities/:id/learning-need-surveys"],
    grid: manage,
    prepare: fixture,
    call: (a, fx) =>
      a.client.post(`/api/v1/communities/${fx.communityId}/learning-need-surveys`, {
        title: `${fx.title} sent`,
        practices: ["Number talks"],
      }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(learningNeedSurveys)
          .where(eq(learningNeedSurveys.title, `${fx.title} sent`))
      ).length > 0,
  }),
  spec<Fx>({
    routes: ["GET /api/v1/communities/:id/learning-need-surveys"],
    grid: readers,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.communityId}/learning-need-surveys`),
  }),
  spec<Fx>({
    routes: ["GET /api/v1/learning-need-surveys/:id"],
    grid: readers,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/learning-need-surveys/${fx.surveyId}`),
  }),
  spec<Fx>({
    routes: ["PUT /api/v1/learning-need-surveys/:id/response"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        F    F    F    Y    Y    F    F    F    H    A
      private        F    F    H    Y    Y    F    F    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    F    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: fixture,
    call: (a, fx) =>
      a.client.put(`/api/v1/learning-need-surveys/${fx.surveyId}/response`, { standards: ["7.RP.1"] }),
    changed: answered,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/learning-need-surveys/:id/close"],
    grid: manage,
    prepare: fixture,
    call: (a, fx) => a.client.post(`/api/v1/learning-need-surveys/${fx.surveyId}/close`),
    changed: async (fx) =>
      fx.planted &&
      (await t.db.select().from(learningNeedSurveys).where(eq(learningNeedSurveys.id, fx.surveyId)))[0]
        ?.closedAt != null,
  }),
];
