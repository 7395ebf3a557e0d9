import { eq } from "drizzle-orm";
import { communityHealthSurvey } from "../../../shared/surveys/builtin/community-health.ts";
import type { SurveyAnswers, SurveyDefinition } from "../../../shared/surveys/definition.ts";
import type { Db } from "../../db/client.ts";
import {
  surveyAdministrations,
  surveyAnswers,
  surveyRecipients,
  surveyResponses,
  surveys,
  surveyVersions,
} from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

/*
 * Survey data written straight into the tables, for the results' tests, grids, e2e and benchmark: a
 * survey with a version, an administration with its recipients, submitted responses with their answers.
 * (Sending and answering through the API are another feature's; results only read what is stored.)
 */

export async function seedSurvey(
  db: Db,
  s: { orgId: string; createdBy: string; definition?: SurveyDefinition; title?: string },
) {
  const surveyId = newId();
  const versionId = newId();
  const definition = s.definition ?? communityHealthSurvey;
  await db.insert(surveys).values({
    id: surveyId,
    orgId: s.orgId,
    title: s.title ?? definition.title.en,
    createdBy: s.createdBy,
  });
  await db.insert(surveyVersions).values({
    id: versionId,
    surveyId,
    orgId: s.orgId,
    number: 1,
    definition,
    createdBy: s.createdBy,
  });
  await db.update(surveys).set({ currentVersionId: versionId }).where(eqId(surveyId));
  return { surveyId, versionId };
}

const eqId = (id: string) => eq(surveys.id, id);

/** Adds a version (number n) to a survey: older responses keep pointing at theirs. */
export async function seedVersion(db: Db, surveyId: string, number: number, definition: SurveyDefinition) {
  const id = newId();
  await db.insert(surveyVersions).values({ id, surveyId, number, definition });
  await db.update(surveys).set({ currentVersionId: id }).where(eqId(surveyId));
  return id;
}

export type NewAdministration = {
  orgId: string;
  surveyId: string;
  versionId: string;
  createdBy: string;
  title?: string;
  audience?: "community" | "school" | "district";
  communityId?: string | null;
  schoolId?: string | null;
  anonymous?: boolean;
  minimumResponses?: number;
  opensAt?: Date;
  closesAt?: Date;
  recipients?: string[];
};

export async function seedAdministration(db: Db, a: NewAdministration) {
  const id = newId();
  const closesAt = a.closesAt ?? new Date(Date.now() - 24 * 3600_000);
  await db.insert(surveyAdministrations).values({
    id,
    orgId: a.orgId,
    surveyId: a.surveyId,
    surveyVersionId: a.versionId,
    title: a.title ?? "Community health, fall",
    audience: a.audience ?? (a.communityId ? "community" : a.schoolId ? "school" : "district"),
    communityId: a.communityId ?? null,
    schoolId: a.schoolId ?? null,
    anonymous: a.anonymous ?? true,
    minimumResponses: a.minimumResponses ?? 5,
    opensAt: a.opensAt ?? new Date(closesAt.getTime() - 14 * 24 * 3600_000),
    closesAt,
    createdBy: a.createdBy,
  });
  if (a.recipients?.length)
    await db
      .insert(surveyRecipients)
      .values(a.recipients.map((personId) => ({ orgId: a.orgId, administrationId: id, personId })));
  return id;
}

export type NewResponse = {
  answers: SurveyAnswers;
  schoolId?: string | null;
  role?: string | null;
  personId?: string | null;
  /** False for a draft: saved, not submitted (results must not count it). */
  submitted?: boolean;
  versionId?: string;
};

/** Responses with their answers, in multi-row inserts (chunked under PostgreSQL's parameter limit). */
export async function seedResponses(
  db: Db,
  target: { orgId: string; administrationId: string; versionId: string },
  responses: NewResponse[],
) {
  const rows = responses.map((r) => ({ id: newId(), r }));
  for (let i = 0; i < rows.length; i += 2000)
    await db.insert(surveyResponses).values(
      rows.slice(i, i + 2000).map(({ id, r }) => ({
        id,
        orgId: target.orgId,
        administrationId: target.administrationId,
        surveyVersionId: r.versionId ?? target.versionId,
        personId: r.personId ?? null,
        submittedAt: r.submitted === false ? null : new Date(),
        draft: r.submitted === false ? r.answers : null,
        schoolId: r.schoolId ?? null,
        role: r.role ?? null,
      })),
    );
  const answers = rows.flatMap(({ id, r }) =>
    r.submitted === false
      ? []
      : Object.entries(r.answers).map(([questionKey, a]) => ({
          orgId: target.orgId,
          administrationId: target.administrationId,
          responseId: id,
          questionKey,
          value: a.value ?? null,
          choices: a.choices ?? null,
          text: a.text ?? null,
        })),
  );
  for (let i = 0; i < answers.length; i += 5000)
    await db.insert(surveyAnswers).values(answers.slice(i, i + 5000));
  return rows.map((r) => r.id);
}

/** One person's community-health answers: the same point for every statement of a section. */
export function healthAnswers(
  points: Record<string, number>,
  open: Record<string, string> = {},
): SurveyAnswers {
  const answers: SurveyAnswers = {};
  for (const section of communityHealthSurvey.sections)
    for (const q of section.questions) {
      const point = points[section.key];
      if (q.kind === "likert" && point !== undefined) answers[q.key] = { value: point };
      const text = open[section.key];
      if (q.kind === "long_text" && text !== undefined) answers[q.key] = { text };
    }
  return answers;
}
