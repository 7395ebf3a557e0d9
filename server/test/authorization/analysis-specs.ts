import { sql } from "drizzle-orm";
import { assessmentItems, assessments } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { type CommunityTarget, idOf, ids, type Runnable, shared, spec, type Target, t } from "./matrix.ts";

/*
 * Analysis (features/analysis/access.ts): a team's assessment is analysed by its members, observers and
 * facilitators, the leaders of its schools and administrators; partners never. Others who can see the
 * team are refused (403); a private team they cannot see, another district's or no assessment is 404.
 * The student-data setting is the administrators' alone (403 to anyone else before any lookup).
 */

type Fx = { assessmentId: string; title: string };

const cache = new Map<Target, Promise<Fx & { secret: string }>>();
function assessmentIn(target: Target): Promise<Fx & { secret: string }> {
  const found = cache.get(target);
  if (found) return found;
  const made = (async () => {
    const title = unique("Matrix analysis");
    const assessmentId = newId();
    if (target !== "nonexistent") {
      const orgId = target === "otherDistrict" ? ids.lakeside : ids.riverside;
      const createdBy = target === "otherDistrict" ? ids.lakeFacilitator : idOf("fac");
      const communityId = shared[target as CommunityTarget].id;
      await t.db.insert(assessments).values({ id: assessmentId, orgId, communityId, title, createdBy });
      await t.db.insert(assessmentItems).values({
        id: newId(),
        orgId,
        assessmentId,
        label: "Q1",
        position: 0,
        maxPoints: 1,
        standard: "7.RP.1",
      });
    }
    return { assessmentId, title, secret: title };
  })();
  cache.set(target, made);
  return made;
}

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    Y    F    Y    F    H    A
  private        Y    Y    H    Y    Y    F    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const adminsOnly = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  district       Y    F    F    F    F    F    F    F    Y    A`;

const minimumOf = async (orgId: string) =>
  (
    await t.db.execute<{ n: number }>(
      sql`select student_group_minimum as n from organizations where id = ${orgId}`,
    )
  ).rows[0]?.n;

let nextMinimum = 0;

export const analysisSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/assessments/:id/analysis"],
    grid: readers,
    prepare: assessmentIn,
    call: (a, fx) => a.client.get(`/api/v1/assessments/${fx.assessmentId}/analysis`),
  }),
  spec<Fx>({
    routes: ["GET /api/v1/assessments/:id/students"],
    grid: readers,
    prepare: assessmentIn,
    call: (a, fx) => a.client.get(`/api/v1/assessments/${fx.assessmentId}/students?standard=7.RP.1`),
  }),
  spec<Fx>({
    routes: ["GET /api/v1/student-data-settings"],
    grid: adminsOnly,
    prepare: async () => ({ assessmentId: "", title: "", secret: unique("Nothing") }),
    call: (a) => a.client.get("/api/v1/student-data-settings"),
  }),
  spec<Fx & { value: number }>({
    routes: ["PUT /api/v1/student-data-settings"],
    grid: adminsOnly,
    prepare: async () => ({
      assessmentId: "",
      title: "",
      // A new value every cell (never the one an earlier cell left), so "changed" can't pass by chance.
      value: 11 + (nextMinimum++ % 80),
      secret: unique("Nothing"),
    }),
    call: (a, fx) => a.client.put("/api/v1/student-data-settings", { studentGroupMinimum: fx.value }),
    changed: async (fx, a) => (await minimumOf(a.key === "oAdm" ? ids.lakeside : ids.riverside)) === fx.value,
  }),
];
