import { sql } from "drizzle-orm";
import { newId } from "../../lib/ids.ts";
import type { TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, personIdOf, unique } from "../../test/factories.ts";
import { addMeasurement, createCycle, createGoal } from "../../test/goal-factories.ts";

/**
 * A school of its own in Riverside, so the map's gaps and the dashboard's counts are exactly these:
 *   district D ← school S1 ← community goals V1 (visible circle, measured), P1 (private circle, overdue)
 *   school S2: no community goal aligns to it; V2: aligned to nothing; P2: past its deadline but met.
 * The visible circle has the partner parent@ as a partner; cycles run in both circles.
 */
export async function alignmentFixture(t: TestApp) {
  const org = await orgId(t.db, "riverside");
  const admin = await personIdOf(t.db, "admin@riverside.example");
  const parent = await personIdOf(t.db, "parent@riverside.example");
  const school = newId();
  const schoolName = unique("Oak Hollow School");
  await t.db.execute(sql`insert into schools (id, org_id, name) values (${school}, ${org}, ${schoolName})`);
  const leader = await createPerson(t.db, {
    orgId: org,
    orgRole: "school_leader",
    schoolIds: [school],
    canSignIn: true,
    email: `${unique("oak-principal").replace(/\W+/g, "-")}@factory.example`,
  });
  const visible = await createCommunity(t.db, {
    orgId: org,
    visibility: "organization",
    schoolIds: [school],
    members: [[parent, "partner"]],
    name: unique("Oak visible circle"),
  });
  const hidden = await createCommunity(t.db, {
    orgId: org,
    visibility: "private",
    schoolIds: [school],
    name: unique("Oak private circle"),
  });
  const g = (title: string, extra: Parameters<typeof createGoal>[1]) =>
    createGoal(t.db, { ...extra, title: unique(title) });
  const d = await g("District literacy", { orgId: org, level: "district", createdBy: admin });
  const s1 = await g("Oak reading", {
    orgId: org,
    level: "school",
    schoolId: school,
    createdBy: admin,
    alignedTo: [d.id],
    status: "at_risk",
  });
  const s2 = await g("Oak attendance", { orgId: org, level: "school", schoolId: school, createdBy: admin });
  const base = { orgId: org, level: "community" as const, createdBy: admin };
  const v1 = await g("Visible fluency", {
    ...base,
    communityId: visible.id,
    alignedTo: [s1.id],
    status: "on_track",
  });
  const v2 = await g("Visible unaligned", { ...base, communityId: visible.id });
  const p1 = await g("Private overdue", {
    ...base,
    communityId: hidden.id,
    alignedTo: [s1.id],
    status: "on_track",
    startsOn: "2024-09-01",
    deadline: "2025-06-01",
  });
  const p2 = await g("Private met", {
    ...base,
    communityId: hidden.id,
    alignedTo: [s1.id],
    status: "met",
    startsOn: "2024-09-01",
    deadline: "2025-06-01",
  });
  await addMeasurement(t.db, {
    orgId: org,
    goalId: v1.id,
    value: 55,
    measuredOn: "2026-10-01",
    createdBy: admin,
  });
  await addMeasurement(t.db, {
    orgId: org,
    goalId: v1.id,
    value: 49,
    measuredOn: "2026-09-15",
    createdBy: admin,
  });
  const c = (communityId: string, title: string, goalId: string | null, stage: number) =>
    createCycle(t.db, { orgId: org, communityId, createdBy: admin, title: unique(title), goalId, stage });
  const cycles = {
    fluency: await c(visible.id, "Fluency cycle", v1.id, 3),
    unaligned: await c(visible.id, "Unaligned cycle", v2.id, 1),
    privateOne: await c(hidden.id, "Private cycle", p1.id, 5),
  };
  return {
    org,
    admin,
    school,
    schoolName,
    leader,
    visible,
    hidden,
    goals: { d, s1, s2, v1, v2, p1, p2 },
    cycles,
  };
}
export type AlignmentFixture = Awaited<ReturnType<typeof alignmentFixture>>;
