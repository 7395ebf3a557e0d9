import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standardContentSchema } from "../../../shared/reflection/standard.ts";
import { cloneDatabase } from "../../test/database.ts";
import type { Db } from "../client.ts";
import { seedDemoReflection } from "./demo-reflection.ts";

// Written straight to the tables, so checked against the rules the app applies to what people write.
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await cloneDatabase());
  await seedDemoReflection(db);
  await seedDemoReflection(db);
});
afterAll(() => drop());

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await db.execute<T & Record<string, unknown>>(query)).rows;

describe("the demo reflections", () => {
  it("gives Chris Novak two journal entries, once, one of them shared with the Grade 7 Math Team", async () => {
    const entries = await rows<{ title: string; team: string | null }>(sql`
      select j.title, c.name as team from journal_entries j join people p on p.id = j.person_id
      left join communities c on c.id = j.shared_community_id
      where p.email = 'teacher4@riverside.example' order by j.written_on`);
    expect(entries).toEqual([
      { title: "Ratio tables first", team: null },
      { title: "Showing my own drafts", team: "Grade 7 Math Team" },
    ]);
  });

  it("gives Chris a learning plan for this school year with 8 hours over two goals, one activity the shared entry", async () => {
    const [plan] = await rows<{ hours: number; goals: number; linked: string | null }>(sql`
      select sum(a.hours)::float8 as hours, count(distinct g.id)::int as goals,
        max(j.title) as linked
      from learning_plans p join learning_plan_goals g on g.plan_id = p.id
      join learning_plan_activities a on a.learning_goal_id = g.id
      left join journal_entries j on j.id = a.journal_entry_id`);
    expect(plan).toEqual({ hours: 8, goals: 2, linked: "Showing my own drafts" });
  });

  it("stores the team's spring standard reflection as the editor would: valid content, three ratings", async () => {
    const [reflection] = await rows<{ title: string; content: unknown }>(
      sql`select title, content from team_reflections where kind = 'standard'`,
    );
    expect(reflection?.title).toMatch(/^Spring \d{4}$/);
    const content = standardContentSchema.parse(reflection?.content);
    expect(Object.values(content.elements).map((e) => e?.rating)).toEqual([2, 1, 2]);
  });
});
