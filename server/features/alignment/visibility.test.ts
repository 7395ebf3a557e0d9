import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../http/auth/plugin.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, schoolId } from "../../test/factories.ts";
import { createGoal } from "../../test/goal-factories.ts";
import type { CommunityAccess } from "../communities/policy.ts";
import { canReadGoal } from "../goals/policy.ts";
import { goalVisible } from "./visibility.ts";

/*
 * goalVisible (the SQL of the map and the dashboard) against goals/policy.ts canReadGoal, on every
 * combination that matters: each district role × the person's place in a community × its visibility ×
 * whether they lead its school, for community goals; reference, district and school goals; and another
 * district's goals. If either side changes alone, a case below disagrees.
 */

const roles = ["administrator", "school_leader", "educator", "partner"] as const;
const places: CommunityAccess["membership"][] = [
  null,
  { role: "facilitator", status: "active" },
  { role: "member", status: "active" },
  { role: "partner", status: "active" },
  { role: "observer", status: "active" },
  { role: "member", status: "requested" },
  { role: "member", status: "left" },
];
type Case = { goalId: string; expected: boolean; label: string };

let t: TestApp;
const cases: { actor: Actor; list: Case[] }[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  const lake = await orgId(t.db, "lakeside");
  const mine = await schoolId(t.db, "Riverside Elementary");
  const other = await schoolId(t.db, "Riverside Middle");
  const author = (await createPerson(t.db, { orgId: org })).id;
  const lakeAuthor = (await createPerson(t.db, { orgId: lake })).id;
  const lakeCommunity = await createCommunity(t.db, { orgId: lake, visibility: "organization" });
  const lakeGoals = [
    await createGoal(t.db, { orgId: lake, level: "district", createdBy: lakeAuthor }),
    await createGoal(t.db, {
      orgId: lake,
      level: "community",
      communityId: lakeCommunity.id,
      createdBy: lakeAuthor,
    }),
  ];
  const placeGoals = [
    ["national", await createGoal(t.db, { orgId: org, level: "national", createdBy: author })],
    ["district", await createGoal(t.db, { orgId: org, level: "district", createdBy: author })],
    ["school", await createGoal(t.db, { orgId: org, level: "school", schoolId: other, createdBy: author })],
  ] as const;
  for (const orgRole of roles) {
    const person = await createPerson(t.db, { orgId: org, orgRole, schoolIds: [mine] });
    const actor: Actor = {
      id: person.id,
      orgId: org,
      orgRole,
      name: "",
      email: person.email,
      schoolIds: [mine],
    };
    const list: Case[] = [];
    const access = (level: "national" | "district" | "school", community: CommunityAccess | null) =>
      canReadGoal({ actor, level, schoolId: level === "school" ? other : null, ownerId: author, community });
    for (const [level, goal] of placeGoals)
      list.push({ goalId: goal.id, expected: access(level, null), label: `${orgRole} ${level}` });
    for (const visibility of ["private", "organization"] as const)
      for (const leads of [true, false])
        for (const place of places) {
          const community = await createCommunity(t.db, {
            orgId: org,
            visibility,
            schoolIds: [leads ? mine : other],
            members: place ? [[person.id, place.role, place.status]] : [],
          });
          const goal = await createGoal(t.db, {
            orgId: org,
            level: "community",
            communityId: community.id,
            createdBy: author,
          });
          const expected = canReadGoal({
            actor,
            level: "community",
            schoolId: null,
            ownerId: author,
            community: {
              actor,
              visibility,
              archived: false,
              membership: place,
              leadsItsSchool: orgRole === "school_leader" && leads,
              facilitatorCount: 1,
            },
          });
          list.push({
            goalId: goal.id,
            expected,
            label: `${orgRole} ${JSON.stringify(place)} ${visibility} leads=${leads}`,
          });
        }
    for (const goal of lakeGoals)
      list.push({ goalId: goal.id, expected: false, label: `${orgRole} Lakeside` });
    cases.push({ actor, list });
  }
}, 120_000);

afterAll(() => t.close());

describe("goalVisible agrees with canReadGoal", () => {
  it("on every role, place, visibility and school", async () => {
    let checked = 0;
    for (const { actor, list } of cases) {
      const ids = list.map((c) => c.goalId);
      const result = await t.db.execute<{ id: string }>(sql`
        select g.id from goals g where g.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
          and ${goalVisible(actor)}`);
      const visible = new Set(result.rows.map((r) => r.id));
      for (const c of list) {
        expect(visible.has(c.goalId), c.label).toBe(c.expected);
        checked++;
      }
    }
    // Both answers occur, so the comparison is not vacuous.
    expect(cases.flatMap((c) => c.list).filter((c) => c.expected).length).toBeGreaterThan(10);
    expect(cases.flatMap((c) => c.list).filter((c) => !c.expected).length).toBeGreaterThan(10);
    expect(checked).toBe(4 * (3 + 2 * 2 * places.length + 2));
  });
});
