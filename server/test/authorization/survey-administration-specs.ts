import { and, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import {
  surveyAdministrations,
  surveyAnswers,
  surveyRecipients,
  surveyResponses,
  surveys,
  surveyVersions,
} from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import {
  type Actor,
  type CommunityTarget,
  community,
  idOf,
  ids,
  type Runnable,
  shared,
  spec,
  type Target,
  t,
} from "./matrix.ts";

/*
 * Sent surveys and answering them (features/survey-administrations/policy.ts). Fixtures: a survey sent by
 * the community's facilitator to the community (recipients: its facilitator and member). Read by its
 * sender, administrators and the team (facilitators, members); 404 for everyone else — partners,
 * observers, leaders of its school included. Managed (close, closing date, reminders) by the sender and
 * administrators; the member who can read it gets 403. Answered only by recipients (the administrator who
 * can read it: 403). Sent to a community by its facilitators and administrators only.
 */

const definition: SurveyDefinition = {
  title: { en: "Matrix check-in" },
  sections: [
    {
      key: "s",
      title: { en: "One" },
      questions: [{ key: "q1", kind: "likert", points: 4, text: { en: "We agree." }, optional: false }],
    },
  ],
};

const surveyOf: Partial<Record<"riverside" | "lakeside", Promise<{ id: string; versionId: string }>>> = {};
function surveyFor(side: "riverside" | "lakeside") {
  surveyOf[side] ??= (async () => {
    const id = newId();
    const versionId = newId();
    await t.db.insert(surveys).values({ id, orgId: ids[side], title: unique("Matrix survey") });
    await t.db
      .insert(surveyVersions)
      .values({ id: versionId, surveyId: id, orgId: ids[side], number: 1, definition });
    await t.db.update(surveys).set({ currentVersionId: versionId }).where(eq(surveys.id, id));
    return { id, versionId };
  })();
  return surveyOf[side];
}

type Fx = { id: string; communityId: string; surveyId: string; title: string; planted: boolean };

async function plant(
  target: Target,
  communityId: string,
  submitted: boolean,
): Promise<Fx & { secret: string }> {
  const title = unique("Matrix administration");
  const lake = target === "otherDistrict";
  const survey = await surveyFor(lake ? "lakeside" : "riverside");
  if (target === "nonexistent")
    return { id: newId(), communityId, surveyId: survey.id, title, planted: false, secret: title };
  const orgId = lake ? ids.lakeside : ids.riverside;
  const sender = lake ? ids.lakeFacilitator : idOf("fac");
  const recipients = lake ? [ids.lakeFacilitator, ids.lakeMember] : [idOf("fac"), idOf("mem")];
  const id = newId();
  await t.db.insert(surveyAdministrations).values({
    id,
    orgId,
    surveyId: survey.id,
    surveyVersionId: survey.versionId,
    title,
    audience: "community",
    communityId,
    opensAt: sql`now() - interval '1 day'`,
    closesAt: sql`now() + interval '7 days'`,
    createdBy: sender,
  });
  await t.db
    .insert(surveyRecipients)
    .values(recipients.map((personId) => ({ orgId, administrationId: id, personId })));
  if (submitted) {
    for (const personId of recipients) {
      const responseId = newId();
      await t.db.insert(surveyResponses).values({
        id: responseId,
        orgId,
        administrationId: id,
        surveyVersionId: survey.versionId,
        personId,
        submittedAt: new Date(),
      });
      await t.db
        .insert(surveyAnswers)
        .values({ orgId, administrationId: id, responseId, questionKey: "q1", value: 3 });
    }
  }
  return { id, communityId, surveyId: survey.id, title, planted: true, secret: title };
}

const readOnlyFx = async (target: Target) => {
  const c = target === "nonexistent" ? newId() : shared[target as CommunityTarget].id;
  return plant(target, c, false);
};
const freshFx = (submitted: boolean) => async (target: Target, actor: Actor) => {
  const c = target === "nonexistent" ? newId() : (await community(target, actor)).id;
  return plant(target, c, submitted);
};

const row = async (fx: Fx) =>
  (await t.db.select().from(surveyAdministrations).where(eq(surveyAdministrations.id, fx.id)))[0];
const responseOf = async (fx: Fx, a: Actor) =>
  (
    await t.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.administrationId, fx.id), eq(surveyResponses.personId, a.id ?? newId())))
  )[0];

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    H    H    Y    Y    H    H    H    H    A
  private        Y    H    H    Y    Y    H    H    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;
const managers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    H    H    Y    F    H    H    H    H    A
  private        Y    H    H    Y    F    H    H    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;
const answerers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        F    H    H    Y    Y    H    H    H    H    A
  private        F    H    H    Y    Y    H    H    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    F    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const base = "/api/v1/survey-administrations";
const listed = (outcome: string, body: { items: { id: string }[] }, fx: Fx) =>
  expect(body.items.some((i) => i.id === fx.id)).toBe(outcome === "L");

export const surveyAdministrationSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["POST /api/v1/survey-administrations"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    F    F    Y    F    F    F    F    H    A
      private        Y    F    H    Y    F    F    F    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A
      district       Y    F    F    F    F    F    F    F    H    A`,
    prepare: async (target, actor) =>
      target === "district" ? plant("visible", shared.visible.id, false) : freshFx(false)(target, actor),
    call: (a, fx) =>
      a.client.post(base, {
        surveyId: fx.surveyId,
        title: `${fx.title} sent`,
        ...(fx.communityId === shared.visible.id
          ? { audience: "district" }
          : { audience: "community", communityId: fx.communityId }),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(surveyAdministrations)
          .where(eq(surveyAdministrations.title, `${fx.title} sent`))
      ).length > 0,
  }),
  spec<Fx>({
    routes: ["GET /api/v1/survey-administrations"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        L    N    N    L    L    N    N    N    H    A
      private        L    N    H    L    L    N    N    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    L    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: readOnlyFx,
    call: (a, fx) => a.client.get(`${base}?community=${fx.communityId}`),
    verify: (outcome, { body }, fx) => (outcome === "L" || outcome === "N") && listed(outcome, body, fx),
  }),
  spec<Fx>({
    routes: ["GET /api/v1/survey-administrations/:id"],
    grid: readers,
    prepare: readOnlyFx,
    call: (a, fx) => a.client.get(`${base}/${fx.id}`),
    verify: (outcome, { body }, fx) => outcome === "Y" && expect(body.title).toBe(fx.title),
  }),
  spec<Fx>({
    routes: ["GET /api/v1/me/surveys"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      district       N    N    N    L    L    N    N    N    N    A`,
    prepare: () => readOnlyFx("visible"),
    call: (a) => a.client.get("/api/v1/me/surveys"),
    verify: (outcome, { body }, fx) => outcome !== "A" && listed(outcome, body, fx),
  }),
  spec<Fx>({
    routes: ["PATCH /api/v1/survey-administrations/:id"],
    grid: managers,
    prepare: freshFx(false),
    call: (a, fx) =>
      a.client.patch(`${base}/${fx.id}`, {
        closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        version: 1,
      }),
    changed: async (fx) =>
      fx.planted && ((await row(fx))?.closesAt.getTime() ?? 0) > Date.now() + 10 * 86_400_000,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/survey-administrations/:id/close"],
    grid: managers,
    prepare: freshFx(false),
    call: (a, fx) => a.client.post(`${base}/${fx.id}/close`, { version: 1 }),
    changed: async (fx) => fx.planted && (await row(fx))?.closedEarlyAt != null,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/survey-administrations/:id/reminders"],
    grid: managers,
    prepare: freshFx(false),
    call: (a, fx) => a.client.post(`${base}/${fx.id}/reminders`),
    changed: async (fx) => fx.planted && (await row(fx))?.remindedAt != null,
  }),
  spec<Fx>({
    routes: ["GET /api/v1/survey-administrations/:id/my-response"],
    grid: answerers,
    prepare: readOnlyFx,
    call: (a, fx) => a.client.get(`${base}/${fx.id}/my-response`),
    verify: (outcome, { body }) =>
      outcome === "Y" && expect(body.definition.sections[0].questions).toHaveLength(1),
  }),
  spec<Fx>({
    routes: ["PUT /api/v1/survey-administrations/:id/my-response/draft"],
    grid: answerers,
    prepare: freshFx(false),
    call: (a, fx) =>
      a.client.put(`${base}/${fx.id}/my-response/draft`, { answers: { q1: { value: 2 } }, version: 0 }),
    changed: async (fx, a) => (await responseOf(fx, a))?.draft != null,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/survey-administrations/:id/my-response"],
    grid: answerers,
    prepare: freshFx(false),
    call: (a, fx) => a.client.post(`${base}/${fx.id}/my-response`, { answers: { q1: { value: 2 } } }),
    changed: async (fx, a) => (await responseOf(fx, a))?.submittedAt != null,
  }),
  spec<Fx>({
    routes: ["PUT /api/v1/survey-administrations/:id/my-response"],
    grid: answerers,
    prepare: freshFx(true),
    call: (a, fx) => a.client.put(`${base}/${fx.id}/my-response`, { answers: { q1: { value: 4 } } }),
    changed: async (fx, a) => {
      const mine = await responseOf(fx, a);
      if (!mine) return false;
      const [answer] = await t.db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, mine.id));
      return answer?.value === 4;
    },
  }),
];
