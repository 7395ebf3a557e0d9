import { eq } from "drizzle-orm";
import { assessmentItems, assessments, resultImports } from "../../db/schema/index.ts";
import { multipart } from "../../features/artifacts/test-files.ts";
import { newId } from "../../lib/ids.ts";
import { PUBLIC_URL } from "../app.ts";
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
 * Assessments (features/results/policy.ts): administrators, the leaders of the community's school and its
 * facilitators create, change and import into them; the team's members and observers read them (403 for
 * the managers' actions); partners never; everyone else is told they do not exist (400 on communityId,
 * 404 on an assessment) — or, listing a community they can see, refused (403).
 */

/** `planted`: the assessment and import exist (not for `nonexistent`). */
type Fx = { communityId: string; title: string; assessmentId: string; importId: string; planted: boolean };

async function fixture(target: Target, withAssessment: boolean): Promise<Fx & { secret: string }> {
  const title = unique("Matrix assessment");
  if (target === "nonexistent")
    return {
      communityId: newId(),
      title,
      assessmentId: newId(),
      importId: newId(),
      planted: false,
      secret: title,
    };
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
  const importId = newId();
  if (withAssessment) {
    const orgId = target === "otherDistrict" ? ids.lakeside : ids.riverside;
    const createdBy = target === "otherDistrict" ? ids.lakeFacilitator : idOf("fac");
    await t.db.insert(resultImports).values({
      id: importId,
      orgId,
      assessmentId,
      shape: "long",
      status: "completed",
      fileSha256: "",
      mapping: {},
      createdBy,
    });
  }
  return { communityId: community.id, title, assessmentId, importId, planted: withAssessment, secret: title };
}

const managers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    H    Y    F    H    F    H    H    A
  private        Y    Y    H    Y    F    H    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const importsOf = async (fx: Fx) =>
  t.db
    .select({ id: resultImports.id })
    .from(resultImports)
    .where(eq(resultImports.assessmentId, fx.assessmentId));

/** A results file whose student nobody has: the import is recorded, failed, with the problem. */
async function postImport(a: Actor, fx: Fx) {
  const options = {
    shape: "long",
    mapping: { shape: "long", student: "Student ID", item: "Item", score: "Score" },
  };
  const { body, contentType } = multipart([
    { name: "options", content: JSON.stringify(options) },
    {
      name: "file",
      filename: "results.csv",
      content: "Student ID,Item,Score\nnobody-1,Q1,1\n",
      type: "text/csv",
    },
  ]);
  const response = await t.app.inject({
    method: "POST",
    url: `/api/v1/assessments/${fx.assessmentId}/imports`,
    payload: body,
    headers: { cookie: a.client.cookie, origin: PUBLIC_URL, "content-type": contentType },
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
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
      visible        Y    Y    H    Y    Y    H    Y    H    H    A
      private        Y    Y    H    Y    Y    H    Y    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: (target) => fixture(target, true),
    call: (a, fx) => a.client.get(`/api/v1/assessments/${fx.assessmentId}`),
  }),
  spec<Fx>({
    routes: ["POST /api/v1/assessments/:id/imports"],
    grid: managers,
    prepare: (target) => fixture(target, true),
    call: postImport,
    changed: async (fx) => (await importsOf(fx)).length > 1,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/assessments/:id/imports/preview"],
    grid: managers,
    prepare: (target) => fixture(target, true),
    call: async (a, fx) => {
      const { body, contentType } = multipart([
        {
          name: "file",
          filename: "results.csv",
          content: "Student ID,Item,Score\nS1,Q1,1\n",
          type: "text/csv",
        },
      ]);
      const response = await t.app.inject({
        method: "POST",
        url: `/api/v1/assessments/${fx.assessmentId}/imports/preview`,
        payload: body,
        headers: { cookie: a.client.cookie, origin: PUBLIC_URL, "content-type": contentType },
      });
      return { status: response.statusCode, body: response.json(), headers: response.headers };
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/assessments/:id/imports"],
    grid: managers,
    prepare: (target) => fixture(target, true),
    call: (a, fx) => a.client.get(`/api/v1/assessments/${fx.assessmentId}/imports`),
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/result-imports/:id"],
    grid: managers,
    prepare: (target) => fixture(target, true),
    call: (a, fx) => a.client.delete(`/api/v1/result-imports/${fx.importId}`),
    changed: async (fx) => fx.planted && (await importsOf(fx)).length === 0,
  }),
  spec<Fx>({
    routes: ["PATCH /api/v1/assessments/:id"],
    grid: managers,
    prepare: (target) => fixture(target, true),
    call: (a, fx) =>
      a.client.patch(`/api/v1/assessments/${fx.assessmentId}`, { title: `${fx.title} (changed)` }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(assessments)
          .where(eq(assessments.title, `${fx.title} (changed)`))
      ).length > 0,
  }),
  spec<Fx>({
    routes: ["GET /api/v1/communities/:id/assessments"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    F    Y    Y    F    Y    F    H    A
      private        Y    Y    H    Y    Y    F    Y    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: (target) => fixture(target, true),
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.communityId}/assessments`),
    verify: async (outcome, response, fx) => {
      if (outcome === "Y" && !response.body.items.some((i: { id: string }) => i.id === fx.assessmentId))
        throw new Error("the team's assessment is not listed");
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/assessments"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      district       Y    F    F    F    F    F    F    F    Y    A`,
    prepare: async () => ({ ...(await fixture("nonexistent", false)) }),
    call: (a) => a.client.get("/api/v1/assessments?scope=district"),
  }),
];
