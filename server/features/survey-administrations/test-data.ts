import { eq } from "drizzle-orm";
import { communityHealthSurvey } from "../../../shared/surveys/builtin/community-health.ts";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import type { Db } from "../../db/client.ts";
import { surveys, surveyVersions } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../../test/factories.ts";

/** A district's survey with one version (the community-health instrument unless told otherwise). */
export async function seedSurvey(
  db: Db,
  orgId: string,
  definition: SurveyDefinition = communityHealthSurvey,
): Promise<{ id: string; versionId: string; title: string }> {
  const id = newId();
  const versionId = newId();
  const title = unique("Health check");
  await db.insert(surveys).values({ id, orgId, title });
  await db.insert(surveyVersions).values({ id: versionId, surveyId: id, orgId, number: 1, definition });
  await db.update(surveys).set({ currentVersionId: versionId }).where(eq(surveys.id, id));
  return { id, versionId, title };
}

/** A second version of a survey, made current (as the library does when a version has answers). */
export async function addVersion(db: Db, surveyId: string, orgId: string, definition: SurveyDefinition) {
  const versionId = newId();
  await db.insert(surveyVersions).values({ id: versionId, surveyId, orgId, number: 2, definition });
  await db.update(surveys).set({ currentVersionId: versionId }).where(eq(surveys.id, surveyId));
  return versionId;
}

/** Every answer of the community-health survey, all at `value`. */
export function healthAnswers(value = 3): Record<string, { value?: number; text?: string }> {
  const answers: Record<string, { value?: number; text?: string }> = {};
  for (const section of communityHealthSurvey.sections)
    for (const q of section.questions) answers[q.key] = q.kind === "likert" ? { value } : { text: "" };
  return answers;
}

export const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60_000).toISOString();
