import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smartProblems } from "../../../shared/goals/smart.ts";
import { stageDetailSchemas } from "../../../shared/schemas/cycles.ts";
import { cycleStages, type GoalLevel, levelAbove } from "../../../shared/schemas/goal-enums.ts";
import { cloneDatabase } from "../../test/database.ts";
import type { Db } from "../client.ts";
import { seedDemoGoals } from "./demo-goals.ts";

// The demo's goals are written straight to the tables, so they are checked here by the same rules the
// API applies: a newcomer must never meet a goal or a cycle the app itself would refuse.
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await cloneDatabase());
  await seedDemoGoals(db);
});
afterAll(() => drop());

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await db.execute<T & Record<string, unknown>>(query)).rows;

describe("the demo goals and cycle", () => {
  it("gives Riverside a goal at every level, each valid by the SMART rules", async () => {
    const goals = await rows<{
      level: GoalLevel;
      title: string;
      improvement: string;
      population: string;
      measure: string;
      unit: string | null;
      baseline: number | null;
      target: number | null;
      starts_on: string | null;
      deadline: string | null;
      source: string;
      source_url: string;
    }>(sql`
      select g.* from goals g join organizations o on o.id = g.org_id where o.slug = 'riverside'`);
    expect(new Set(goals.map((g) => g.level))).toEqual(new Set(["state", "district", "school", "community"]));
    for (const g of goals) {
      const problems = smartProblems({
        ...g,
        startsOn: g.starts_on,
        deadline: g.deadline,
        sourceUrl: g.source_url,
      });
      expect(problems, g.title).toEqual([]);
    }
  });

  it("aligns every goal only to goals one level up, leaving the two gaps the README shows", async () => {
    const edges = await rows<{ level: GoalLevel; up: GoalLevel }>(sql`
      select g.level, u.level as up from goal_alignments a
      join goals g on g.id = a.goal_id join goals u on u.id = a.aligned_to_id`);
    expect(edges.length).toBeGreaterThanOrEqual(4);
    for (const e of edges) expect(e.up).toBe(levelAbove(e.level));
    const unaligned = await rows<{ title: string }>(sql`
      select title from goals g where level = 'community'
        and not exists (select 1 from goal_alignments a where a.goal_id = g.id)`);
    expect(unaligned.map((g) => g.title)).toEqual(["Families at two learning evenings a year"]);
  });

  it("puts the Grade 7 Math Team's cycle at stage 5 with details every stage's schema accepts", async () => {
    const [cycle] = await rows<{ id: string; stage: number; goal_id: string | null }>(sql`
      select id, stage, goal_id from cycles where title = 'Ratio tables before algorithms'`);
    expect(cycle?.stage).toBe(5);
    expect(cycle?.goal_id).not.toBeNull();
    const records = await rows<{ stage: number; details: unknown }>(sql`
      select stage, details from cycle_stage_records where cycle_id = ${cycle?.id} order by stage`);
    expect(records.map((r) => r.stage)).toEqual([1, 2, 3, 4, 5]);
    for (const r of records) {
      const schema = stageDetailSchemas[cycleStages[r.stage - 1] ?? "decide"];
      expect(schema.safeParse(r.details).success, `stage ${r.stage}`).toBe(true);
    }
  });

  it("gives every goal a history that starts at version 1 and ends at the goal's version", async () => {
    const mismatched = await rows<{ title: string }>(sql`
      select g.title from goals g
      where (select min(version) from goal_revisions r where r.goal_id = g.id) is distinct from 1
        or (select max(version) from goal_revisions r where r.goal_id = g.id) is distinct from g.version`);
    expect(mismatched).toEqual([]);
    const [reason] = await rows<{ reason: string }>(sql`
      select r.reason from goal_revisions r join goals g on g.id = r.goal_id
      where g.title like 'Unit rates:%' and r.version = 2`);
    expect(reason?.reason).toMatch(/52%/);
  });

  it("seeds once: a second run adds nothing", async () => {
    const count = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from goals`))[0]?.n;
    const before = await count();
    await seedDemoGoals(db);
    expect(await count()).toBe(before);
  });
});
