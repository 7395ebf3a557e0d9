import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { SurveyAnswers, SurveyDefinition } from "../../../shared/surveys/definition.ts";
import { audienceKinds } from "../../../shared/surveys/definition.ts";
import { createdAt, orgId, updatedAt } from "./columns.ts";
import { communities } from "./communities.ts";
import { organizations, schools } from "./organizations.ts";
import { people } from "./people.ts";

/*
 * Capability 7: surveys → administrations → responses (DOMAIN.md "Reflection"). Migration 0008.
 */

/**
 * A survey in the library. Built-ins (the community-health self-assessment) have no org_id and a
 * builtin_key; a district's own surveys belong to it. The questions live in versions: a version that has
 * answers is never changed, editing then adds a version (shared/surveys/versioning.ts).
 */
export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").references(() => organizations.id),
    builtinKey: text("builtin_key"),
    /** Denormalised from the current version's English title, for the library list. */
    title: text("title").notNull(),
    currentVersionId: uuid("current_version_id").references((): AnyPgColumn => surveyVersions.id),
    /** The community that wrote it, when a team wrote its own; null = the district's library. */
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => people.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** Optimistic concurrency for edits of the draft version. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("surveys_org_idx").on(t.orgId, t.title), uniqueIndex("surveys_builtin_idx").on(t.builtinKey)],
);

/** One version of a survey's questions; immutable once any response points at it. */
export const surveyVersions = pgTable(
  "survey_versions",
  {
    id: uuid("id").primaryKey(),
    surveyId: uuid("survey_id")
      .notNull()
      .references((): AnyPgColumn => surveys.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").references(() => organizations.id),
    number: integer("number").notNull(),
    definition: jsonb("definition").$type<SurveyDefinition>().notNull(),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("survey_versions_number_idx").on(t.surveyId, t.number)],
);

/**
 * A survey sent to an audience (a community, a school or the district's educators) between two dates,
 * anonymous or named. It points at the version it asks now; a response keeps the version it answered.
 */
export const surveyAdministrations = pgTable(
  "survey_administrations",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id),
    surveyVersionId: uuid("survey_version_id")
      .notNull()
      .references(() => surveyVersions.id),
    title: text("title").notNull(),
    audience: text("audience", { enum: audienceKinds }).notNull(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id").references(() => schools.id),
    anonymous: boolean("anonymous").notNull().default(true),
    /** Results (and every filtered slice) stay hidden below this many responses when anonymous. */
    minimumResponses: smallint("minimum_responses").notNull().default(5),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    /** Closed early by its sender (closesAt is then moved to this instant too). */
    closedEarlyAt: timestamp("closed_early_at", { withTimezone: true }),
    /** When the last in-app reminder went to those who had not answered. */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    /** Anonymous administrations drop the person ↔ response link once closed (decision 0015). */
    unlinkedAt: timestamp("unlinked_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("survey_administrations_org_idx").on(t.orgId, t.closesAt),
    index("survey_administrations_community_idx").on(t.orgId, t.communityId),
    index("survey_administrations_survey_idx").on(t.orgId, t.surveyId, t.closesAt),
    check("survey_administrations_dates", sql`${t.closesAt} > ${t.opensAt}`),
    check(
      "survey_administrations_audience",
      sql`(${t.audience} = 'community') = (${t.communityId} is not null) and (${t.audience} = 'school') = (${t.schoolId} is not null)`,
    ),
  ],
);

/** Who a survey was sent to, fixed when it was sent: the response rate's denominator, the reminders' list. */
export const surveyRecipients = pgTable(
  "survey_recipients",
  {
    orgId: orgId(),
    administrationId: uuid("administration_id")
      .notNull()
      .references(() => surveyAdministrations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.administrationId, t.personId] }),
    index("survey_recipients_person_idx").on(t.orgId, t.personId),
  ],
);

/**
 * One person's response: one per person and administration, editable until it closes. `draft` holds the
 * answers being written (saved as you go); `answers` rows hold what was submitted. The respondent's
 * school and role are copied in at submission, for filters, so results never need the person.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    administrationId: uuid("administration_id")
      .notNull()
      .references(() => surveyAdministrations.id, { onDelete: "cascade" }),
    surveyVersionId: uuid("survey_version_id")
      .notNull()
      .references(() => surveyVersions.id),
    /** Null once an anonymous administration has closed and been unlinked. */
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    draft: jsonb("draft").$type<SurveyAnswers>(),
    draftSavedAt: timestamp("draft_saved_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    language: text("language").notNull().default("en"),
    schoolId: uuid("school_id").references(() => schools.id, { onDelete: "set null" }),
    role: text("role"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("survey_responses_person_idx").on(t.administrationId, t.personId),
    index("survey_responses_administration_idx").on(t.orgId, t.administrationId, t.submittedAt),
  ],
);

/** A submitted answer to one question. Led by the administration so results read one index range. */
export const surveyAnswers = pgTable(
  "survey_answers",
  {
    orgId: orgId(),
    administrationId: uuid("administration_id")
      .notNull()
      .references(() => surveyAdministrations.id, { onDelete: "cascade" }),
    responseId: uuid("response_id")
      .notNull()
      .references(() => surveyResponses.id, { onDelete: "cascade" }),
    questionKey: text("question_key").notNull(),
    /** Scale point 1…points (likert). */
    value: smallint("value"),
    /** Option keys (single and multiple choice). */
    choices: text("choices").array(),
    /** Short and long text answers. */
    text: text("text"),
  },
  (t) => [
    primaryKey({ columns: [t.administrationId, t.questionKey, t.responseId] }),
    index("survey_answers_response_idx").on(t.responseId),
  ],
);
