import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneDatabase } from "../../test/database.ts";
import type { Db } from "../client.ts";
import { seedDemoHealth } from "./demo-health.ts";

// The demo's health self-assessments are written straight to the tables: checked here against the story the
// README tells (a trend upwards, shared personal practice the growth area) and the rules sending applies.
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await cloneDatabase());
  await seedDemoHealth(db);
  await seedDemoHealth(db);
});
afterAll(() => drop());

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await db.execute<T & Record<string, unknown>>(query)).rows;

/** Each attribute's mean agreement per administration, from the raw answers. */
const means = () =>
  rows<{ title: string; attribute: string; mean: number }>(sql`
    select a.title, regexp_replace(s.question_key, '-[0-9]+$', '') as attribute, avg(s.value)::float8 as mean
    from survey_answers s join survey_administrations a on a.id = s.administration_id
    where s.value is not null group by a.title, a.closes_at, attribute order by a.closes_at, attribute`);

describe("the demo community-health self-assessments", () => {
  it("has Riverside Middle's spring and fall administrations, closed, anonymous, six answers each, once", async () => {
    const admins = await rows<{
      title: string;
      n: number;
      linked: number;
      anonymous: boolean;
      closed: boolean;
    }>(sql`
      select a.title, a.anonymous, a.closes_at < now() as closed, count(r.id)::int as n,
        count(r.person_id)::int as linked
      from survey_administrations a join survey_responses r on r.administration_id = a.id
      group by a.id order by a.closes_at`);
    // Titled by the term they closed in (relative to today, so the term's name depends on the date).
    const term = /^Riverside Middle community health — (Spring|Summer|Autumn) \d{4}$/;
    expect(admins.map((a) => a.title)).toEqual([expect.stringMatching(term), expect.stringMatching(term)]);
    expect(admins[0]?.title).not.toBe(admins[1]?.title);
    for (const a of admins) expect(a).toMatchObject({ n: 6, linked: 0, anonymous: true, closed: true });
  });

  it("answers every statement on the four-point scale, and shows growth from spring to fall", async () => {
    const all = await means();
    expect(all).toHaveLength(10);
    const spring = all.slice(0, 5);
    const fall = all.slice(5);
    for (const [i, f] of fall.entries()) {
      expect(f.attribute).toBe(spring[i]?.attribute);
      expect(f.mean).toBeGreaterThan(spring[i]?.mean ?? 5);
    }
    const [range] = await rows<{ lo: number; hi: number; n: number }>(
      sql`select min(value)::int as lo, max(value)::int as hi, count(*)::int as n from survey_answers where value is not null`,
    );
    // Two administrations × six respondents × twenty-five statements, every one on the scale.
    expect(range?.n).toBe(2 * 6 * 25);
    expect(range?.lo).toBeGreaterThanOrEqual(1);
    expect(range?.hi).toBeLessThanOrEqual(4);
  });

  it("makes shared personal practice the weakest attribute both times", async () => {
    const all = await means();
    for (const title of new Set(all.map((m) => m.title))) {
      const ordered = all.filter((m) => m.title === title).sort((a, b) => a.mean - b.mean);
      expect(ordered[0]?.attribute).toBe("shared-practice");
      expect(ordered[0]?.mean).toBeLessThan(3);
    }
  });
});
