import { and, eq, inArray } from "drizzle-orm";
import { termOf } from "../../../shared/reflection/standard.ts";
import { questionsOf, type SurveyDefinition } from "../../../shared/surveys/definition.ts";
import { newId } from "../../lib/ids.ts";
import type { Db, Tx } from "../client.ts";
import {
  organizations,
  people,
  schools,
  surveyAdministrations,
  surveyAnswers,
  surveyRecipients,
  surveyResponses,
  surveys,
  surveyVersions,
} from "../schema/index.ts";
import {
  ATTRIBUTE_LEVELS,
  DEMO_HEALTH_RESPONDENTS,
  DEMO_OPEN_ANSWERS,
  demoHealthAnswer,
} from "./demo-health-data.ts";

const DAY = 86_400_000;
const RECIPIENTS = ["coach", "teacher1", "teacher2", "teacher3", "teacher4", "principal"];

/**
 * Riverside Middle's community-health self-assessment, sent by its principal in the spring and again this
 * fall: both closed, anonymous, six answers each — so the results page and the trend have something true
 * to show. Closed anonymous responses are stored as the app leaves them: no longer linked to a person.
 * Skipped when Riverside already has an administration.
 */
export async function seedDemoHealth(db: Db): Promise<void> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, "riverside"));
  if (!org) return;
  const [existing] = await db
    .select({ id: surveyAdministrations.id })
    .from(surveyAdministrations)
    .where(eq(surveyAdministrations.orgId, org.id))
    .limit(1);
  if (existing) return;
  const [survey] = await db
    .select({ id: surveys.id, versionId: surveys.currentVersionId, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(eq(surveys.builtinKey, "community-health"));
  if (!survey?.versionId) return;
  const version = { surveyId: survey.id, versionId: survey.versionId, definition: survey.definition };
  await db.transaction(async (tx) => {
    await seedAdministration(tx, org.id, version, "spring", 250);
    await seedAdministration(tx, org.id, version, "fall", 40);
  });
}

type AnswerRow = typeof surveyAnswers.$inferInsert;
type Version = { surveyId: string; versionId: string; definition: SurveyDefinition };

async function seedAdministration(
  tx: Tx,
  orgId: string,
  version: Version,
  term: "spring" | "fall",
  closedDaysAgo: number,
) {
  const [school] = await tx
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.orgId, orgId), eq(schools.name, "Riverside Middle")));
  const staff = await tx
    .select({ id: people.id, email: people.email, role: people.orgRole })
    .from(people)
    .where(
      inArray(
        people.email,
        RECIPIENTS.map((local) => `${local}@riverside.example`),
      ),
    );
  const principal = staff.find((p) => p.email.startsWith("principal@"));
  if (!school || !principal) return;
  const closesAt = new Date(Date.now() - closedDaysAgo * DAY);
  const id = newId();
  await tx.insert(surveyAdministrations).values({
    id,
    orgId,
    surveyId: version.surveyId,
    surveyVersionId: version.versionId,
    title: `Riverside Middle community health — ${termOf(closesAt.toISOString().slice(0, 10))}`,
    audience: "school",
    schoolId: school.id,
    anonymous: true,
    opensAt: new Date(closesAt.getTime() - 14 * DAY),
    closesAt,
    remindedAt: new Date(closesAt.getTime() - DAY),
    unlinkedAt: closesAt,
    createdBy: principal.id,
    createdAt: new Date(closesAt.getTime() - 15 * DAY),
  });
  await tx
    .insert(surveyRecipients)
    .values(staff.map((p) => ({ orgId, administrationId: id, personId: p.id })));
  for (let r = 0; r < DEMO_HEALTH_RESPONDENTS; r++) {
    const role = staff[r]?.role ?? "educator";
    await seedResponse(tx, {
      orgId,
      administrationId: id,
      version,
      term,
      respondent: r,
      role,
      closesAt,
      schoolId: school.id,
    });
  }
}

async function seedResponse(
  tx: Tx,
  r: {
    orgId: string;
    administrationId: string;
    version: Version;
    term: "spring" | "fall";
    respondent: number;
    role: string;
    closesAt: Date;
    schoolId: string;
  },
) {
  const responseId = newId();
  const submittedAt = new Date(r.closesAt.getTime() - (3 + r.respondent) * DAY);
  await tx.insert(surveyResponses).values({
    id: responseId,
    orgId: r.orgId,
    administrationId: r.administrationId,
    surveyVersionId: r.version.versionId,
    personId: null,
    submittedAt,
    schoolId: r.schoolId,
    role: r.role,
    createdAt: submittedAt,
    updatedAt: submittedAt,
  });
  const rows = questionsOf(r.version.definition).flatMap(({ section, question }): AnswerRow[] => {
    const base = {
      orgId: r.orgId,
      administrationId: r.administrationId,
      responseId,
      questionKey: question.key,
    };
    const level = ATTRIBUTE_LEVELS[section.key]?.[r.term];
    if (question.kind === "likert" && level !== undefined) {
      const statement = Number(question.key.split("-").pop()) - 1;
      return [{ ...base, value: demoHealthAnswer(level, r.respondent, statement) }];
    }
    const open = DEMO_OPEN_ANSWERS[question.key]?.[r.respondent];
    return open && r.term === "fall" ? [{ ...base, text: open }] : [];
  });
  if (rows.length > 0) await tx.insert(surveyAnswers).values(rows);
}
