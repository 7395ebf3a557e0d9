import { and, eq } from "drizzle-orm";
import { editableGoalFields } from "../../../shared/schemas/goals.ts";
import { newId } from "../../lib/ids.ts";
import type { Db, Tx } from "../client.ts";
import {
  communities,
  goalAlignments,
  goalCheckIns,
  goalMeasurements,
  goalRevisions,
  goals,
  organizations,
  people,
  schools,
} from "../schema/index.ts";
import { seedDemoCycle } from "./demo-cycle.ts";

type GoalRow = typeof goals.$inferInsert;
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Riverside's direction, as a newcomer should find it: a state reference goal, two district goals, a goal
 * per school, the Grade 7 Math Team's goal with three measurements, and its cycle of inquiry at stage 5
 * with the team's work samples as evidence. Two gaps are left on purpose for the alignment map: the
 * elementary school's reading goal no community works on, and the family team's goal aligned to nothing.
 * Skipped when Riverside already has goals.
 */
export async function seedDemoGoals(db: Db): Promise<void> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, "riverside"));
  if (!org) return;
  const [existing] = await db.select({ id: goals.id }).from(goals).where(eq(goals.orgId, org.id)).limit(1);
  if (existing) return;
  await db.transaction((tx) => seedInto(tx, org.id));
}

async function seedInto(tx: Tx, orgId: string) {
  const person = async (local: string) =>
    must(
      (
        await tx
          .select({ id: people.id })
          .from(people)
          .where(eq(people.email, `${local}@riverside.example`))
      )[0],
    ).id;
  const school = async (name: string) =>
    must(
      (
        await tx
          .select({ id: schools.id })
          .from(schools)
          .where(and(eq(schools.orgId, orgId), eq(schools.name, name)))
      )[0],
    ).id;
  const community = async (name: string) =>
    must(
      (
        await tx
          .select({ id: communities.id })
          .from(communities)
          .where(and(eq(communities.orgId, orgId), eq(communities.name, name)))
      )[0],
    ).id;
  const admin = await person("admin");
  const principal = await person("principal");
  const coach = await person("coach");
  const teacher5 = await person("teacher5");
  const middle = await school("Riverside Middle");
  const elementary = await school("Riverside Elementary");
  const team = await community("Grade 7 Math Team");
  const family = await community("Family Engagement Team");

  const insert = async (goal: Omit<GoalRow, "id" | "orgId">, alignedTo: string[] = []) => {
    const id = newId();
    // A goal with a status reason was set "not started" and later moved, as in the app: its history
    // says so (version 1: what it was set with; version 2: the status change and why).
    const moved = Boolean(goal.statusReason);
    await tx.insert(goals).values({ id, orgId, ...goal, version: moved ? 2 : 1 });
    const set = editableGoalFields.filter((f) => f !== "status" && goal[f] != null && goal[f] !== "");
    const revision = { orgId, goalId: id, changedBy: goal.createdBy };
    await tx.insert(goalRevisions).values({
      id: newId(),
      ...revision,
      version: 1,
      changes: {
        ...Object.fromEntries(set.map((f) => [f, { from: null, to: goal[f] }])),
        status: { from: null, to: moved ? "not_started" : (goal.status ?? "not_started") },
      },
    });
    if (moved)
      await tx.insert(goalRevisions).values({
        id: newId(),
        ...revision,
        version: 2,
        changes: { status: { from: "not_started", to: goal.status } },
        reason: goal.statusReason,
      });
    for (const up of alignedTo)
      await tx
        .insert(goalAlignments)
        .values({ orgId, goalId: id, alignedToId: up, createdBy: goal.createdBy });
    return id;
  };
  const smart = (g: Partial<GoalRow>) => ({
    unit: "percent" as const,
    startsOn: days(-90),
    deadline: days(200),
    ...g,
  });

  const state = await insert({
    level: "state",
    title: "Three in four students proficient in mathematics by 2030",
    source: "State Board of Education strategic plan, goal 2",
    sourceUrl: "https://www.example.gov/education/strategic-plan",
    createdBy: admin,
  });
  const districtMath = await insert(
    smart({
      level: "district",
      title: "Middle-school math proficiency from 48% to 60%",
      improvement: "Proficiency in grade 6–8 mathematics",
      population: "Every middle-school student in the district",
      measure: "Percent proficient or above on the spring state assessment",
      baseline: 48,
      target: 60,
      ownerId: admin,
      status: "on_track",
      statusReason: "Fall interim results moved up three points.",
      statusChangedAt: new Date(),
      createdBy: admin,
    }) as GoalRow,
    [state],
  );
  const districtLiteracy = await insert(
    smart({
      level: "district",
      title: "Four in five K–3 readers at benchmark",
      improvement: "Early reading",
      population: "Students in kindergarten to grade 3",
      measure: "Percent at or above benchmark on the winter reading screener",
      baseline: 66,
      target: 80,
      ownerId: admin,
      createdBy: admin,
    }) as GoalRow,
  );
  const middleGoal = await insert(
    smart({
      level: "school",
      schoolId: middle,
      title: "Grade 7 students reason proportionally",
      improvement: "Proportional reasoning (CCSS.MATH.7.RP)",
      population: "Grade 7 students at Riverside Middle",
      measure: "Percent scoring 3 or 4 on the ratio tasks of the common assessment",
      baseline: 42,
      target: 60,
      ownerId: principal,
      status: "on_track",
      statusReason: "Two of three teams report growth on the November check.",
      statusChangedAt: new Date(),
      createdBy: principal,
    }) as GoalRow,
    [districtMath],
  );
  await insert(
    smart({
      level: "school",
      schoolId: elementary,
      title: "Every third grader reads on grade level",
      improvement: "Reading fluency and comprehension",
      population: "Grade 3 students at Riverside Elementary",
      measure: "Percent at benchmark on the reading screener",
      baseline: 61,
      target: 75,
      ownerId: admin,
      createdBy: admin,
    }) as GoalRow,
    [districtLiteracy],
  );
  const teamGoal = await insert(
    smart({
      level: "community",
      communityId: team,
      title: "Unit rates: from 38% to 65% mastery on the common assessment",
      improvement: "Computing and explaining unit rates (CCSS.MATH.7.RP.A.1)",
      population: "Our 112 grade 7 students",
      measure: "Percent of students at mastery (80% or more) on the unit-rate items",
      baseline: 38,
      target: 65,
      ownerId: coach,
      status: "on_track",
      statusReason: "November's check shows 52%, on the line to the target.",
      statusChangedAt: new Date(),
      createdBy: coach,
    }) as GoalRow,
    [middleGoal],
  );
  await insert(
    smart({
      level: "community",
      communityId: family,
      title: "Families at two learning evenings a year",
      improvement: "Family participation in school learning events",
      population: "Families of Riverside Elementary students",
      measure: "Number of families attending each learning evening",
      unit: "count",
      baseline: 35,
      target: 90,
      ownerId: teacher5,
      createdBy: teacher5,
    }) as GoalRow,
  );

  await tx.insert(goalMeasurements).values(
    [
      [38, -75, "Pre-assessment in September."],
      [45, -40, "October common formative assessment."],
      [52, -12, "November common formative assessment."],
    ].map(([value, offset, note]) => ({
      id: newId(),
      orgId,
      goalId: teamGoal,
      value: value as number,
      unit: "percent" as const,
      measuredOn: days(offset as number),
      note: note as string,
      createdBy: coach,
    })),
  );
  await tx.insert(goalCheckIns).values({
    id: newId(),
    orgId,
    goalId: teamGoal,
    note: "Ratio tables are helping; students who compared totals in October now find the unit rate first.",
    links: [],
    authorId: coach,
  });
  await seedDemoCycle(tx, { orgId, team, teamGoal, coach });
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("The demo goals need the seeded Riverside district.");
  return value;
}
