import { and, eq } from "drizzle-orm";
import type { StandardContent } from "../../../shared/reflection/standard.ts";
import { schoolYearOf } from "../../../shared/schemas/learning-plans.ts";
import { newId } from "../../lib/ids.ts";
import type { Db, Tx } from "../client.ts";
import {
  communities,
  journalEntries,
  learningPlanActivities,
  learningPlanGoals,
  learningPlans,
  organizations,
  people,
  teamReflections,
} from "../schema/index.ts";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/**
 * The written side of reflection in the demo: Chris Novak's journal (one private entry, one shared with the
 * Grade 7 Math Team) and learning plan for this school year, and the team's reflection on the
 * learning-communities standard from the spring — so this fall's can be compared with it. Skipped when
 * Riverside already has journal entries.
 */
export async function seedDemoReflection(db: Db): Promise<void> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, "riverside"));
  if (!org) return;
  const [existing] = await db
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(eq(journalEntries.orgId, org.id))
    .limit(1);
  if (existing) return;
  await db.transaction(async (tx) => {
    const person = async (local: string) =>
      (
        await tx
          .select({ id: people.id })
          .from(people)
          .where(eq(people.email, `${local}@riverside.example`))
      )[0]?.id;
    const [team] = await tx
      .select({ id: communities.id })
      .from(communities)
      .where(and(eq(communities.orgId, org.id), eq(communities.name, "Grade 7 Math Team")));
    const chris = await person("teacher4");
    const coach = await person("coach");
    if (!team || !chris || !coach) return;
    const entries = await seedJournal(tx, org.id, chris, team.id);
    await seedPlan(tx, org.id, chris, team.id, entries.shared);
    await seedStandardReflection(tx, org.id, team.id, coach, chris);
  });
}

async function seedJournal(tx: Tx, orgId: string, personId: string, teamId: string) {
  const shared = newId();
  await tx.insert(journalEntries).values([
    {
      id: newId(),
      orgId,
      personId,
      prompt: "learned-this-week",
      title: "Ratio tables first",
      body: "Starting with ratio tables before cross-multiplying slowed us down for two days, and then it paid off: on Friday more than half of my support class could **explain** why two ratios are equivalent.\n\nI want to keep the tables on the wall for the rest of the unit.",
      writtenOn: daysAgo(12),
    },
    {
      id: shared,
      orgId,
      personId,
      prompt: "show-students",
      title: "Showing my own drafts",
      body: "I solved Thursday's warm-up wrong on the board on purpose, then fixed it out loud. Students asked more questions than usual. Next week I'll share the feedback our team gave on my quiz and what I changed because of it.",
      writtenOn: daysAgo(5),
      sharedCommunityId: teamId,
      sharedAt: new Date(Date.now() - 5 * DAY),
    },
  ]);
  return { shared };
}

async function seedPlan(tx: Tx, orgId: string, personId: string, teamId: string, entryId: string) {
  const planId = newId();
  await tx.insert(learningPlans).values({
    id: planId,
    orgId,
    personId,
    schoolYear: schoolYearOf(daysAgo(0)),
    modelingForStudents:
      "I share my drafts and mistakes with my classes, and tell them what I am learning from my team.",
  });
  const ratios = newId();
  const visits = newId();
  await tx.insert(learningPlanGoals).values([
    {
      id: ratios,
      orgId,
      planId,
      position: 0,
      title: "Teach proportional reasoning through ratio tables",
      why: "Our unit 3 pre-assessment showed most of my students could compute but not explain equivalent ratios.",
    },
    {
      id: visits,
      orgId,
      planId,
      position: 1,
      title: "Open my classroom to peer visits",
      why: "Shared personal practice is our school's growth area; I can start with my own room.",
    },
  ]);
  await tx.insert(learningPlanActivities).values([
    {
      id: newId(),
      orgId,
      planId,
      learningGoalId: ratios,
      kind: "community",
      title: "Grade 7 Math Team: looking at the unit 3 pre-assessment",
      happenedOn: daysAgo(30),
      hours: "1.50",
      communityId: teamId,
      reflection: "Seeing everyone's students miss the same item made it our problem, not mine.",
    },
    {
      id: newId(),
      orgId,
      planId,
      learningGoalId: ratios,
      kind: "course",
      title: "Proportional reasoning in the middle grades (online course, modules 1–3)",
      happenedOn: daysAgo(20),
      hours: "6.00",
      evidence: "Certificate of completion for modules 1–3",
    },
    {
      id: newId(),
      orgId,
      planId,
      learningGoalId: visits,
      kind: "reflection",
      title: "Showing my own drafts",
      happenedOn: daysAgo(5),
      hours: "0.50",
      journalEntryId: entryId,
    },
  ]);
}

async function seedStandardReflection(tx: Tx, orgId: string, teamId: string, coach: string, chris: string) {
  const content: StandardContent = {
    elements: {
      "continuous-improvement": {
        answers: {
          evidence: "Last year's unit tests only, at the end of the unit — too late to act on.",
          goals: "We agreed on one goal: every student can explain equivalent ratios.",
        },
        rating: 2,
        nextSteps: "Give a common pre-assessment at the start of unit 3 and look at it together.",
      },
      "collective-responsibility": {
        answers: { visits: "None this year. We talk about visiting but never schedule it." },
        rating: 1,
        nextSteps: "Each of us hosts one visit before winter break.",
      },
      "alignment-accountability": {
        answers: { "goals-align": "Our goal serves the school's math goal; we had not written that down." },
        rating: 2,
        nextSteps: "Align our goal to the school's goal in Lamplight.",
      },
    },
  };
  const at = new Date(Date.now() - 200 * DAY);
  await tx.insert(teamReflections).values({
    id: newId(),
    orgId,
    communityId: teamId,
    kind: "standard",
    title: `Spring ${at.getUTCFullYear()}`,
    content,
    createdBy: coach,
    updatedBy: chris,
    createdAt: at,
    updatedAt: at,
  });
}
