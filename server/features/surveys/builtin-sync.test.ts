import { eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinSurveys } from "../../../shared/surveys/builtin/index.ts";
import { surveys, surveyVersions } from "../../db/schema/index.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { syncBuiltinSurveys } from "./builtin-sync.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const builtins = () =>
  t.db
    .select({
      key: surveys.builtinKey,
      orgId: surveys.orgId,
      title: surveys.title,
      number: surveyVersions.number,
    })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(isNotNull(surveys.builtinKey));

const health = builtinSurveys.find((s) => s.key === "community-health");

describe("syncing the built-in surveys", () => {
  it("has the community-health survey after migrations, for every district, and a second sync changes nothing", async () => {
    const rows = await builtins();
    expect(rows.map((r) => r.key).sort()).toEqual(builtinSurveys.map((s) => s.key).sort());
    const stored = rows.find((r) => r.key === "community-health");
    expect(stored).toMatchObject({ orgId: null, number: 1, title: health?.definition.title.en });
    expect(await syncBuiltinSurveys(t.db)).toEqual({ added: 0, updated: 0 });
  });

  it("adds a version when a built-in changed, keeping the old one", async () => {
    // Pretend the stored survey is an older edition of the shipped one.
    const [stored] = await t.db.select().from(surveys).where(eq(surveys.builtinKey, "community-health"));
    await t.db
      .update(surveyVersions)
      .set({ definition: sql`jsonb_set(${surveyVersions.definition}, '{title,en}', '"An older title"')` })
      .where(eq(surveyVersions.id, stored?.currentVersionId ?? ""));
    expect(await syncBuiltinSurveys(t.db)).toEqual({ added: 0, updated: 1 });
    const versions = await t.db
      .select({
        number: surveyVersions.number,
        title: sql<string>`${surveyVersions.definition}#>>'{title,en}'`,
      })
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, stored?.id ?? ""))
      .orderBy(surveyVersions.number);
    expect(versions).toEqual([
      { number: 1, title: "An older title" },
      { number: 2, title: health?.definition.title.en },
    ]);
    const [now] = await t.db
      .select()
      .from(surveys)
      .where(eq(surveys.id, stored?.id ?? ""));
    expect(now?.title).toBe(health?.definition.title.en);
    expect(now?.version).toBe((stored?.version ?? 0) + 1);
    expect(await syncBuiltinSurveys(t.db)).toEqual({ added: 0, updated: 0 });
  });

  it("adds each missing built-in exactly once when two processes sync at the same time", async () => {
    // Responses may point at the stored built-ins, so they are renamed out of the way rather than deleted.
    await t.db.execute(
      sql`update surveys set builtin_key = 'retired-' || builtin_key where builtin_key is not null`,
    );
    const results = await Promise.all([syncBuiltinSurveys(t.db), syncBuiltinSurveys(t.db)]);
    expect(results.map((r) => r.added).sort()).toEqual([0, builtinSurveys.length]);
    const rows = (await builtins()).filter((r) => !r.key?.startsWith("retired-"));
    expect(rows).toHaveLength(builtinSurveys.length);
    expect(rows.every((r) => r.number === 1)).toBe(true);
  });
});
