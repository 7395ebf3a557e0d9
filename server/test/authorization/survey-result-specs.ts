import { and, eq } from "drizzle-orm";
import { surveyFollowUps } from "../../db/schema/index.ts";
import {
  healthAnswers,
  seedAdministration,
  seedResponses,
  seedSurvey,
} from "../../features/survey-results/test-data.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { type CommunityTarget, idOf, ids, type Runnable, shared, spec, type Target, t } from "./matrix.ts";

/*
 * Survey results (features/survey-results/policy.ts), on an anonymous community survey sent by the
 * facilitator, with six responses (above the minimum): read by the team's active members and
 * facilitators, the sender and administrators; those who can see the community but not its results
 * (observers, leaders of its school, educators of a visible community) 403; partners and everyone else
 * 404. Making a goal or a cycle of a section: a reader who may also create the community's goals
 * (facilitators, administrators) — a member reads but may not (403).
 */

type Fx = { administrationId: string; surveyId: string; communityId: string; planted: boolean };

const cache = new Map<Target, Fx & { secret: string }>();

async function plant(target: Target): Promise<Fx & { secret: string }> {
  const title = unique("Matrix health");
  if (target === "nonexistent")
    return {
      administrationId: newId(),
      surveyId: newId(),
      communityId: newId(),
      planted: false,
      secret: title,
    };
  const lake = target === "otherDistrict";
  const orgId = lake ? ids.lakeside : ids.riverside;
  const sender = lake ? ids.lakeFacilitator : idOf("fac");
  const community = shared[target as CommunityTarget];
  const survey = await seedSurvey(t.db, { orgId, createdBy: sender, title });
  const administrationId = await seedAdministration(t.db, {
    orgId,
    ...survey,
    createdBy: sender,
    communityId: community.id,
    title,
  });
  const answers = healthAnswers({ "shared-leadership": 2, "shared-vision": 3 });
  await seedResponses(
    t.db,
    { orgId, administrationId, ...survey },
    Array.from({ length: 6 }, () => ({ answers })),
  );
  return {
    administrationId,
    surveyId: survey.surveyId,
    communityId: community.id,
    planted: true,
    secret: title,
  };
}

/** Read-only routes share one administration per target. */
async function readOnly(target: Target) {
  const found = cache.get(target);
  if (found) return found;
  const made = await plant(target);
  cache.set(target, made);
  return made;
}

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    F    F    Y    Y    H    F    F    H    A
  private        Y    F    H    Y    Y    H    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

export const surveyResultSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/survey-administrations/:id/results"],
    grid: readers,
    prepare: readOnly,
    call: (a, fx) => a.client.get(`/api/v1/survey-administrations/${fx.administrationId}/results`),
  }),
  spec<Fx>({
    routes: ["GET /api/v1/survey-administrations/:id/results.csv"],
    grid: readers,
    prepare: readOnly,
    call: (a, fx) => a.client.get(`/api/v1/survey-administrations/${fx.administrationId}/results.csv`),
  }),
  spec<Fx>({
    routes: ["GET /api/v1/surveys/:surveyId/trend"],
    grid: readers,
    prepare: readOnly,
    call: (a, fx) => a.client.get(`/api/v1/surveys/${fx.surveyId}/trend?community=${fx.communityId}`),
  }),
  spec<Fx>({
    routes: ["POST /api/v1/survey-administrations/:id/follow-ups"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    F    F    Y    F    H    F    F    H    A
      private        Y    F    H    Y    F    H    F    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: plant,
    call: (a, fx) =>
      a.client.post(`/api/v1/survey-administrations/${fx.administrationId}/follow-ups`, {
        sectionKey: "shared-leadership",
        kind: "goal",
      }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(surveyFollowUps)
          .where(
            and(
              eq(surveyFollowUps.administrationId, fx.administrationId),
              eq(surveyFollowUps.sectionKey, "shared-leadership"),
            ),
          )
      ).length > 0,
  }),
];
