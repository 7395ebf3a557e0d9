import type { CycleDecision, GoalLevel, GoalStatus, GoalUnit } from "../../shared/schemas/goal-enums.ts";
import type { Db } from "../db/client.ts";
import { cycleStageRecords, cycles, goalAlignments, goalMeasurements, goals } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import { unique } from "./factories.ts";

/**
 * Goals, alignments, measurements and cycles written straight into a test's database, so the cycle,
 * alignment-map and dashboard tests (and the matrix) do not depend on the goal routes.
 */

export type NewGoal = {
  orgId: string;
  level: GoalLevel;
  createdBy: string;
  schoolId?: string;
  communityId?: string;
  title?: string;
  ownerId?: string | null;
  status?: GoalStatus;
  unit?: GoalUnit;
  baseline?: number;
  target?: number;
  startsOn?: string;
  deadline?: string;
  alignedTo?: string[];
};

export async function createGoal(db: Db, g: NewGoal): Promise<{ id: string; title: string }> {
  const id = newId();
  const title = g.title ?? unique(`${g.level} goal`);
  const reference = g.level === "national" || g.level === "state";
  await db.insert(goals).values({
    id,
    orgId: g.orgId,
    level: g.level,
    schoolId: g.level === "school" ? g.schoolId : null,
    communityId: g.level === "community" ? g.communityId : null,
    title,
    improvement: reference ? "" : "Proportional reasoning",
    population: reference ? "" : "Grade 7 students",
    measure: reference ? "" : "Percent proficient on the common assessment",
    unit: reference ? null : (g.unit ?? "percent"),
    baseline: reference ? null : (g.baseline ?? 40),
    target: reference ? null : (g.target ?? 70),
    startsOn: reference ? null : (g.startsOn ?? "2026-09-01"),
    deadline: reference ? null : (g.deadline ?? "2027-06-15"),
    ownerId: g.ownerId === undefined ? g.createdBy : g.ownerId,
    status: g.status ?? "not_started",
    source: reference ? "State strategic plan" : "",
    createdBy: g.createdBy,
  });
  for (const up of g.alignedTo ?? [])
    await db
      .insert(goalAlignments)
      .values({ orgId: g.orgId, goalId: id, alignedToId: up, createdBy: g.createdBy });
  return { id, title };
}

export async function addMeasurement(
  db: Db,
  m: { orgId: string; goalId: string; value: number; measuredOn: string; createdBy: string; unit?: GoalUnit },
) {
  const id = newId();
  await db.insert(goalMeasurements).values({ id, unit: "percent", ...m });
  return { id };
}

export type NewCycle = {
  orgId: string;
  communityId: string;
  createdBy: string;
  title?: string;
  goalId?: string | null;
  /** The stage the team is at; the stages before it are recorded as completed. */
  stage?: number;
  decision?: CycleDecision;
};

export async function createCycle(db: Db, c: NewCycle): Promise<{ id: string; title: string }> {
  const id = newId();
  const title = c.title ?? unique("Cycle");
  const stage = c.stage ?? 1;
  const completed = c.decision !== undefined;
  await db.insert(cycles).values({
    id,
    orgId: c.orgId,
    communityId: c.communityId,
    title,
    goalId: c.goalId ?? null,
    stage,
    status: completed ? "completed" : "active",
    decision: c.decision ?? null,
    createdBy: c.createdBy,
    completedAt: completed ? new Date() : null,
  });
  for (let s = 1; s <= stage; s++)
    await db.insert(cycleStageRecords).values({
      orgId: c.orgId,
      cycleId: id,
      stage: s,
      notes: `Notes of stage ${s}.`,
      enteredAt: new Date(),
      completedAt: s < stage || completed ? new Date() : null,
      updatedBy: c.createdBy,
    });
  return { id, title };
}
