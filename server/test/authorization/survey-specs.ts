import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { surveys } from "../../db/schema/index.ts";
import { builtinSurvey, plantSurvey, smallDefinition } from "../../features/surveys/test-helpers.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import {
  type Actor,
  type CommunityTarget,
  ids,
  manage,
  type Runnable,
  shared,
  spec,
  type Target,
  t,
} from "./matrix.ts";

/*
 * The survey library (features/surveys/policy.ts). Rows: `visible` / `private` a survey of that fixture
 * community (read by those who belong to it or oversee it, whatever its visibility; written by its
 * managers), `own` a survey of Riverside's library, `district` the built-in community-health survey (read
 * by every educator, changed by nobody), `otherDistrict` a survey of Lakeside's library. Partners are not
 * educators: 403 wherever they could otherwise see the survey exists.
 */

type Fx = { id: string; title: string; version: number; builtin: boolean; copiesBefore: number };

const copiesOf = async (title: string) =>
  Number(
    (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from surveys where title = ${title}`))
      .rows[0]?.n ?? 0,
  );

async function fixture(target: Target): Promise<Fx & { secret: string }> {
  const title = unique("Matrix survey");
  const base = { version: 1, builtin: false, copiesBefore: 0 };
  if (target === "nonexistent") return { id: newId(), title, secret: title, ...base };
  if (target === "district") {
    const b = await builtinSurvey(t.db);
    // The built-in's title is shown to everyone: the secret is one nobody could see.
    return { ...b, builtin: true, copiesBefore: await copiesOf(b.title), secret: title };
  }
  const community = target === "visible" || target === "private" ? shared[target as CommunityTarget] : null;
  const planted = await plantSurvey(t.db, {
    orgId: target === "otherDistrict" ? ids.lakeside : ids.riverside,
    title,
    communityId: community?.id ?? null,
  });
  return { id: planted.id, title, secret: title, ...base, copiesBefore: 1 };
}

const row = async (id: string) => (await t.db.select().from(surveys).where(eq(surveys.id, id)))[0];

/** Reading one survey: M = with `can.edit`, Y = read only. */
const readOne = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        M    M    H    M    Y    F    Y    H    H    A
  private        M    M    H    M    Y    F    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    M    A
  own            M    M    M    Y    Y    F    Y    Y    H    A
  district       Y    Y    Y    Y    Y    F    Y    Y    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Changing a survey (editing, archiving): its keepers; built-ins by nobody. */
const change = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    H    Y    F    F    F    H    H    A
  private        Y    Y    H    Y    F    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  own            Y    Y    Y    F    F    F    F    F    H    A
  district       F    F    F    F    F    F    F    F    F    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const edited = (fx: Fx) => ({
  definition: smallDefinition(`${fx.title} edited`),
  version: fx.version,
});

export const surveySpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/surveys"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        L    L    N    L    L    F    L    N    N    A
      private        L    L    N    L    L    F    L    N    N    A
      otherDistrict  N    N    N    N    N    F    N    N    L    A
      own            L    L    L    L    L    F    L    L    N    A
      district       L    L    L    L    L    F    L    L    L    A`,
    prepare: fixture,
    call: (a) => a.client.get("/api/v1/surveys"),
    verify: (outcome, { body }, fx) => {
      if (outcome !== "L" && outcome !== "N") return;
      const listed = body.items.some((s: { id: string }) => s.id === fx.id);
      expect(listed).toBe(outcome === "L");
      if (outcome === "N") expect(JSON.stringify(body)).not.toContain(fx.title);
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/surveys/:id"],
    grid: readOne,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/surveys/${fx.id}`),
    verify: (outcome, { body }, fx) => {
      if (outcome !== "M" && outcome !== "Y") return;
      expect(body.id).toBe(fx.id);
      expect(body.can.edit).toBe(outcome === "M");
      expect(body.definition.sections.length).toBeGreaterThan(0);
    },
  }),
  spec<Fx & { communityId: string | null }>({
    routes: ["POST /api/v1/surveys"],
    // `district` = into the caller's district library; the others = into that community.
    grid: `${manage}
      district       Y    Y    Y    F    F    F    F    F    Y    A`,
    prepare: async (target) => {
      const title = unique("Matrix new survey");
      const communityId =
        target === "district"
          ? null
          : target === "nonexistent"
            ? newId()
            : shared[target as CommunityTarget].id;
      return { id: "", title, version: 1, builtin: false, copiesBefore: 0, communityId, secret: title };
    },
    call: (a, fx) =>
      a.client.post("/api/v1/surveys", {
        definition: smallDefinition(fx.title),
        communityId: fx.communityId,
      }),
    changed: async (fx) => (await copiesOf(fx.title)) > 0,
  }),
  spec<Fx>({
    routes: ["PUT /api/v1/surveys/:id"],
    grid: change,
    prepare: fixture,
    call: (a, fx) => a.client.put(`/api/v1/surveys/${fx.id}`, edited(fx)),
    changed: async (fx) => (await row(fx.id))?.title === `${fx.title} edited`,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/surveys/:id/copy"],
    // Into the visible fixture community (Riverside callers), or Lakeside's own library (its administrator).
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    H    Y    F    F    F    H    H    A
      private        Y    Y    H    Y    F    F    F    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      own            Y    Y    F    Y    F    F    F    F    H    A
      district       Y    Y    F    Y    F    F    F    F    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: fixture,
    call: (a: Actor, fx) =>
      a.client.post(`/api/v1/surveys/${fx.id}/copy`, {
        communityId: a.key === "oAdm" ? null : shared.visible.id,
      }),
    changed: async (fx) =>
      (await copiesOf(fx.builtin ? (await builtinSurvey(t.db)).title : fx.title)) > fx.copiesBefore,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/surveys/:id/archive"],
    grid: change,
    prepare: fixture,
    call: (a, fx) => a.client.post(`/api/v1/surveys/${fx.id}/archive`, { version: fx.version }),
    changed: async (fx) => (await row(fx.id))?.archivedAt != null,
  }),
];
