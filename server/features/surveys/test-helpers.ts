import { eq, sql } from "drizzle-orm";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import type { Db } from "../../db/client.ts";
import { surveys, surveyVersions } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

/** A small survey: one section, a 4-point statement and a single choice. */
export const smallDefinition = (title: string): SurveyDefinition => ({
  title: { en: title },
  sections: [
    {
      key: "team",
      title: { en: "Our team" },
      questions: [
        { key: "trust", kind: "likert", points: 4, text: { en: "We trust each other." }, optional: false },
        {
          key: "when",
          kind: "single_choice",
          text: { en: "When should we meet?" },
          optional: false,
          options: [
            { key: "am", text: { en: "Mornings" } },
            { key: "pm", text: { en: "Afternoons" } },
          ],
        },
      ],
    },
  ],
});

/** Writes a survey straight into the library (a district's when communityId is null). */
export async function plantSurvey(
  db: Db,
  s: { orgId: string; title: string; communityId?: string | null; createdBy?: string | null },
): Promise<{ id: string; versionId: string }> {
  const id = newId();
  const versionId = newId();
  const definition = smallDefinition(s.title);
  await db.insert(surveys).values({
    id,
    orgId: s.orgId,
    title: s.title,
    communityId: s.communityId ?? null,
    createdBy: s.createdBy ?? null,
  });
  await db
    .insert(surveyVersions)
    .values({ id: versionId, surveyId: id, orgId: s.orgId, number: 1, definition });
  await db.update(surveys).set({ currentVersionId: versionId }).where(eq(surveys.id, id));
  return { id, versionId };
}

/** The built-in community-health survey's id and edit version. */
export async function builtinSurvey(db: Db) {
  const [row] = await db
    .select({ id: surveys.id, version: surveys.version, title: surveys.title })
    .from(surveys)
    .where(eq(surveys.builtinKey, "community-health"));
  if (!row) throw new Error("the built-in survey is missing");
  return row;
}

/**
 * Simulates someone having answered a version: an administration of it to the district, and one
 * response (with one answer) pointing at the version.
 */
export async function answerVersion(
  db: Db,
  v: { orgId: string; surveyId: string; versionId: string; personId: string },
): Promise<{ administrationId: string; responseId: string }> {
  const administrationId = newId();
  const responseId = newId();
  await db.execute(sql`
    insert into survey_administrations (id, org_id, survey_id, survey_version_id, title, audience, opens_at,
      closes_at, created_by)
    values (${administrationId}, ${v.orgId}, ${v.surveyId}, ${v.versionId}, 'Fixture', 'district',
      now() - interval '1 day', now() + interval '7 days', ${v.personId})`);
  await db.execute(sql`
    insert into survey_responses (id, org_id, administration_id, survey_version_id, person_id, submitted_at)
    values (${responseId}, ${v.orgId}, ${administrationId}, ${v.versionId}, ${v.personId}, now())`);
  await db.execute(sql`
    insert into survey_answers (org_id, administration_id, response_id, question_key, value)
    values (${v.orgId}, ${administrationId}, ${responseId}, 'trust', 3)`);
  return { administrationId, responseId };
}
