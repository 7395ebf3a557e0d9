import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { assessments } from "./assessments.ts";
import { createdAt, orgId, updatedAt } from "./columns.ts";
import { communities } from "./communities.ts";
import { goals } from "./goals.ts";
import { people } from "./people.ts";
import { rosterImports, students } from "./students.ts";

/*
 * Issue 6's second half: what analysis, growth and the team's own learning needs keep. Next to
 * students.ts (rosters) and assessments.ts (results) so each file stays about one thing.
 */

/**
 * Teachers and aides as the roster names them (users.csv rows that are not students): a delta file's
 * enrollment names a teacher by sourcedId alone, and a teacher not yet in Lamplight is linked when
 * they join with the same email.
 */
export const rosterStaff = pgTable(
  "roster_staff",
  {
    orgId: orgId(),
    sourcedId: text("sourced_id").notNull(),
    email: text("email").notNull().default(""),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    importId: uuid("import_id").references(() => rosterImports.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.sourcedId] }),
    index("roster_staff_email_idx").on(t.orgId, sql`lower(${t.email})`),
  ],
);

/**
 * Pre-aggregated points per student and standard of one assessment, so mastery by standard over a
 * district's million rows answers in milliseconds. Rebuilt from assessment_results when an assessment's
 * results changed after it was last built (assessments.results_changed_at > aggregated_at).
 */
export const assessmentStandardScores = pgTable(
  "assessment_standard_scores",
  {
    orgId: orgId(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    standard: text("standard").notNull(),
    points: doublePrecision("points").notNull(),
    maxPoints: doublePrecision("max_points").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.assessmentId, t.standard, t.studentId] })],
);

/** A goal whose measure is the growth of the same students between two assessments. */
export const goalGrowthMeasures = pgTable(
  "goal_growth_measures",
  {
    goalId: uuid("goal_id")
      .primaryKey()
      .references(() => goals.id, { onDelete: "cascade" }),
    orgId: orgId(),
    beforeAssessmentId: uuid("before_assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    afterAssessmentId: uuid("after_assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    /** The standard measured, or '' for every standard both assessments share. */
    standard: text("standard").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("goal_growth_two_assessments", sql`${t.beforeAssessmentId} <> ${t.afterAssessmentId}`)],
);

/** A short survey a facilitator sends the team: which standards or practices they want to learn. */
export const learningNeedSurveys = pgTable(
  "learning_need_surveys",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    /** The assessment whose data it sits beside, if any. */
    assessmentId: uuid("assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    /** The choices offered: standards and teaching practices. */
    standards: text("standards").array().notNull().default(sql`'{}'::text[]`),
    practices: text("practices").array().notNull().default(sql`'{}'::text[]`),
    closesOn: date("closes_on"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index("learning_need_surveys_idx").on(t.orgId, t.communityId, t.createdAt)],
);

/** One educator's answer; answering again replaces it. */
export const learningNeedResponses = pgTable(
  "learning_need_responses",
  {
    orgId: orgId(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => learningNeedSurveys.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    standards: text("standards").array().notNull().default(sql`'{}'::text[]`),
    practices: text("practices").array().notNull().default(sql`'{}'::text[]`),
    other: text("other").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.personId] })],
);
