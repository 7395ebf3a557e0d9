import { eq, sql } from "drizzle-orm";
import type { CycleStage } from "../../../shared/schemas/goal-enums.ts";
import { newId } from "../../lib/ids.ts";
import type { Tx } from "../client.ts";
import { artifacts, cycleEvidence, cycleStageRecords, cycles, people } from "../schema/index.ts";

/** Evidence was added while the team was at its stage, not on the day the demo was seeded. */
const addedDaysAgo = (n: number) => ({ createdAt: new Date(Date.now() - n * 86_400_000) });
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The Grade 7 Math Team's cycle of inquiry, "Ratio tables before algorithms", at stage 5 (collecting
 * evidence) with stages 1–4 recorded, working towards the team's goal; the team's work samples and a
 * guide are its evidence.
 */
export async function seedDemoCycle(
  tx: Tx,
  p: { orgId: string; team: string; teamGoal: string; coach: string },
) {
  const cycleId = newId();
  const teachers = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      sql`${people.email} in ('teacher1@riverside.example', 'teacher2@riverside.example', 'teacher4@riverside.example')`,
    );
  await tx.insert(cycles).values({
    id: cycleId,
    orgId: p.orgId,
    communityId: p.team,
    title: "Ratio tables before algorithms",
    goalId: p.teamGoal,
    stage: 5,
    createdBy: p.coach,
    createdAt: addedDaysAgo(80).createdAt,
    lastActivityAt: addedDaysAgo(10).createdAt,
  });
  const stages: [CycleStage, string, Record<string, unknown>][] = [
    [
      "identify_needs",
      "We looked at the September pre-assessment together.",
      {
        studentNeeds:
          "Most students compare totals instead of finding a unit rate; fractions in rates stop them.",
        educatorNeeds: "We want more ways to represent ratios than cross-multiplying.",
        evidenceReviewed: "Pre-assessment item analysis; the ratio quiz.",
      },
    ],
    ["set_goal", "", { why: "Unit rates are the gateway to the rest of 7.RP and the school goal." }],
    [
      "professional_learning",
      "",
      {
        learningNeeds: "Using ratio tables and double number lines with fractions.",
        approach: "Two 45-minute sessions led by Priya; each of us tries one task and brings student work.",
      },
    ],
    [
      "plan_strategy",
      "",
      {
        strategy: "Ratio tables before any algorithm, with a daily unit-rate warm-up.",
        who: teachers.map((t) => t.id),
        what: "Warm-up every day; one ratio-table task a week; the same exit ticket.",
        classes: "All six grade 7 sections",
        from: days(-60),
        to: days(30),
      },
    ],
    ["collect_evidence", "Exit tickets every Friday; the October and November checks.", { summary: "" }],
  ];
  for (const [index, [, notes, details]] of stages.entries()) {
    const stage = index + 1;
    await tx.insert(cycleStageRecords).values({
      orgId: p.orgId,
      cycleId,
      stage,
      notes,
      details,
      enteredAt: new Date(Date.now() - (80 - stage * 12) * 86_400_000),
      completedAt: stage < 5 ? new Date(Date.now() - (80 - (stage + 1) * 12) * 86_400_000) : null,
      updatedBy: p.coach,
    });
  }
  // The team's two work samples: the quiz looked at to find the needs, the lesson plan that carries the
  // strategy (the team has no meetings in the demo).
  const samples = await tx
    .select({ id: artifacts.id, title: artifacts.title })
    .from(artifacts)
    .where(eq(artifacts.communityId, p.team));
  const sample = (title: string) => samples.find((a) => a.title === title)?.id;
  const evidence = { orgId: p.orgId, cycleId, addedBy: p.coach };
  const quiz = sample("Ratio reasoning quiz");
  const lesson = sample("Unit rates with recipes (lesson plan)");
  if (quiz)
    await tx.insert(cycleEvidence).values({
      id: newId(),
      ...evidence,
      ...addedDaysAgo(70),
      stage: 1,
      kind: "artifact",
      artifactId: quiz,
    });
  if (lesson)
    await tx.insert(cycleEvidence).values({
      id: newId(),
      ...evidence,
      ...addedDaysAgo(10),
      stage: 5,
      kind: "artifact",
      artifactId: lesson,
      note: "The lesson we all taught in week 3, with the group's feedback.",
    });
  await tx.insert(cycleEvidence).values({
    id: newId(),
    ...evidence,
    ...addedDaysAgo(40),
    stage: 3,
    kind: "url",
    url: "https://www.example.org/ratio-tables-guide",
    title: "Ratio tables: a teacher's guide",
  });
}
