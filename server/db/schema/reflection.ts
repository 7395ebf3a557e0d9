import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, orgId, updatedAt } from "./columns.ts";
import { communities } from "./communities.ts";
import { cycles, goals } from "./goals.ts";
import { meetings } from "./meetings.ts";
import { people } from "./people.ts";
import { surveyAdministrations } from "./surveys.ts";
import { artifacts } from "./work.ts";

/*
 * Capability 7, the written side: personal journals, learning plans, the team's reflections, and what a
 * team made of a survey's growth area. Migration 0008.
 */

/** A personal reflection: private to its author unless shared with one of their communities. */
export const journalEntries = pgTable(
  "journal_entries",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    title: text("title").notNull().default(""),
    /** The prompt the entry answers, by key (shared/reflection), or null for a free entry. */
    prompt: text("prompt"),
    body: text("body").notNull(),
    writtenOn: date("written_on").notNull(),
    /** Shared with this community's members (null = private). */
    sharedCommunityId: uuid("shared_community_id").references(() => communities.id, { onDelete: "set null" }),
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    /** What it reflects on, when written after a meeting or during a cycle. */
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    cycleId: uuid("cycle_id").references(() => cycles.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("journal_entries_person_idx").on(t.orgId, t.personId, t.writtenOn),
    index("journal_entries_shared_idx").on(t.orgId, t.sharedCommunityId),
  ],
);

/** One person's plan for a school year: their own professional learning. */
export const learningPlans = pgTable(
  "learning_plans",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** "2026-27": the school year, starting 1 August. */
    schoolYear: text("school_year").notNull(),
    /** The year's closing reflection, and how I show my students how I learn. */
    reflection: text("reflection").notNull().default(""),
    modelingForStudents: text("modeling_for_students").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("learning_plans_person_year_idx").on(t.orgId, t.personId, t.schoolYear)],
);

/** A learning goal in a plan ("I want to get better at…"), optionally serving a Lamplight goal. */
export const learningPlanGoals = pgTable(
  "learning_plan_goals",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => learningPlans.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    why: text("why").notNull().default(""),
    status: text("status", { enum: ["active", "achieved", "set_aside"] })
      .notNull()
      .default("active"),
    goalId: uuid("goal_id").references(() => goals.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("learning_plan_goals_plan_idx").on(t.planId, t.position)],
);

export const learningActivityKinds = [
  "community",
  "meeting",
  "visit",
  "course",
  "conference",
  "chat",
  "reading",
  "reflection",
  "other",
] as const;

/** Something I did to learn: hours, evidence, what I took from it. */
export const learningPlanActivities = pgTable(
  "learning_plan_activities",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => learningPlans.id, { onDelete: "cascade" }),
    learningGoalId: uuid("learning_goal_id").references(() => learningPlanGoals.id, { onDelete: "set null" }),
    kind: text("kind", { enum: learningActivityKinds }).notNull(),
    title: text("title").notNull(),
    happenedOn: date("happened_on"),
    hours: numeric("hours", { precision: 6, scale: 2 }),
    /** Links into Lamplight, where the activity happened there. */
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "set null" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    journalEntryId: uuid("journal_entry_id").references(() => journalEntries.id, { onDelete: "set null" }),
    artifactId: uuid("artifact_id").references(() => artifacts.id, { onDelete: "set null" }),
    /** Evidence outside Lamplight: a certificate's link, a note. */
    evidence: text("evidence").notNull().default(""),
    reflection: text("reflection").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("learning_plan_activities_plan_idx").on(t.planId, t.happenedOn),
    check(
      "learning_plan_activities_hours",
      sql`${t.hours} is null or (${t.hours} >= 0 and ${t.hours} <= 1000)`,
    ),
  ],
);

export const teamReflectionKinds = ["standard", "meeting", "cycle"] as const;

/**
 * A reflection a community writes together: on the learning-communities standard (its three elements:
 * answers to the guiding questions, where we stand, next steps), or after a meeting or a cycle. `content`
 * is laid out by shared/reflection; `version` guards against two people saving over each other.
 */
export const teamReflections = pgTable(
  "team_reflections",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: teamReflectionKinds }).notNull(),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    cycleId: uuid("cycle_id").references(() => cycles.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    updatedBy: uuid("updated_by").references(() => people.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("team_reflections_community_idx").on(t.orgId, t.communityId, t.createdAt),
    uniqueIndex("team_reflections_meeting_idx").on(t.meetingId),
    uniqueIndex("team_reflections_cycle_idx").on(t.cycleId),
    check(
      "team_reflections_subject",
      sql`(${t.kind} = 'meeting') = (${t.meetingId} is not null) and (${t.kind} = 'cycle') = (${t.cycleId} is not null)`,
    ),
  ],
);

/** A goal or a cycle a team made from one growth area (a section) of a survey's results: made once. */
export const surveyFollowUps = pgTable(
  "survey_follow_ups",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    administrationId: uuid("administration_id")
      .notNull()
      .references(() => surveyAdministrations.id, { onDelete: "cascade" }),
    sectionKey: text("section_key").notNull(),
    goalId: uuid("goal_id").references(() => goals.id, { onDelete: "cascade" }),
    cycleId: uuid("cycle_id").references(() => cycles.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("survey_follow_ups_goal_idx").on(
      t.administrationId,
      t.sectionKey,
      sql`(${t.goalId} is null)`,
    ),
    check("survey_follow_ups_one", sql`(${t.goalId} is null) <> (${t.cycleId} is null)`),
  ],
);
