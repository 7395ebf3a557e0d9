import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import {
  cycleDecisions,
  cycleStatuses,
  evidenceKinds,
  goalLevels,
  goalStatuses,
  goalUnits,
  measurementSources,
} from "../../../shared/schemas/goal-enums.ts";
import { createdAt, orgId, updatedAt } from "./columns.ts";
import { communities } from "./communities.ts";
import { meetings } from "./meetings.ts";
import { schools } from "./organizations.ts";
import { people } from "./people.ts";
import { artifacts } from "./work.ts";

/**
 * A goal of the district, a school or a community, or a state or national goal kept as a reference.
 * SMART fields are null only on reference goals. `version` grows with every change (goal_revisions keeps
 * what changed), so an edit made over a newer one is refused.
 */
export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    level: text("level", { enum: goalLevels }).notNull(),
    schoolId: uuid("school_id").references(() => schools.id),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** SMART: what will improve, for whom, measured how. */
    improvement: text("improvement").notNull().default(""),
    population: text("population").notNull().default(""),
    measure: text("measure").notNull().default(""),
    unit: text("unit", { enum: goalUnits }),
    baseline: doublePrecision("baseline"),
    target: doublePrecision("target"),
    startsOn: date("starts_on"),
    deadline: date("deadline"),
    ownerId: uuid("owner_id").references(() => people.id),
    status: text("status", { enum: goalStatuses }).notNull().default("not_started"),
    statusReason: text("status_reason").notNull().default(""),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    /** Reference goals: where the text comes from (a state plan, a national framework) and a link. */
    source: text("source").notNull().default(""),
    sourceUrl: text("source_url").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("goals_org_level_idx").on(t.orgId, t.level, t.status),
    index("goals_school_idx").on(t.orgId, t.schoolId),
    index("goals_community_idx").on(t.orgId, t.communityId),
    check(
      "goals_level_place",
      sql`(${t.level} = 'school') = (${t.schoolId} is not null) and (${t.level} = 'community') = (${t.communityId} is not null)`,
    ),
  ],
);

/** "This goal serves that one": edges from a goal to goals one level above it (never a loop). */
export const goalAlignments = pgTable(
  "goal_alignments",
  {
    orgId: orgId(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    alignedToId: uuid("aligned_to_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.goalId, t.alignedToId] }),
    index("goal_alignments_up_idx").on(t.orgId, t.alignedToId),
    check("goal_alignments_not_self", sql`${t.goalId} <> ${t.alignedToId}`),
  ],
);

/** Who changed what on a goal and when: one row per change, with each field's value before and after. */
export const goalRevisions = pgTable(
  "goal_revisions",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    /** The goal's version this change produced. */
    version: integer("version").notNull(),
    changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    /** Why the status changed (required when it did). */
    reason: text("reason").notNull().default(""),
    changedBy: uuid("changed_by")
      .notNull()
      .references(() => people.id),
    changedAt: createdAt(),
  },
  (t) => [index("goal_revisions_goal_idx").on(t.orgId, t.goalId, t.version)],
);

/** A value of the goal's measure on a date (typed in now; from imported student data later). */
export const goalMeasurements = pgTable(
  "goal_measurements",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    value: doublePrecision("value").notNull(),
    unit: text("unit", { enum: goalUnits }).notNull(),
    measuredOn: date("measured_on").notNull(),
    source: text("source", { enum: measurementSources }).notNull().default("manual"),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index("goal_measurements_goal_idx").on(t.orgId, t.goalId, t.measuredOn)],
);

/** A check-in on a goal: a note and links to the evidence behind it. */
export const goalCheckIns = pgTable(
  "goal_check_ins",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    note: text("note").notNull(),
    links: jsonb("links").$type<{ title: string; url: string }[]>().notNull().default([]),
    authorId: uuid("author_id")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index("goal_check_ins_goal_idx").on(t.orgId, t.goalId, t.createdAt)],
);

/**
 * A community's cycle of inquiry through the seven stages of goal-enums.ts cycleStages. `stage` is where
 * the team is now (1–7); `lastActivityAt` moves with every note, evidence or stage change (the dashboard
 * sorts by it).
 */
export const cycles = pgTable(
  "cycles",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    goalId: uuid("goal_id").references(() => goals.id, { onDelete: "set null" }),
    stage: smallint("stage").notNull().default(1),
    status: text("status", { enum: cycleStatuses }).notNull().default("active"),
    /** Stage 7. */
    decision: text("decision", { enum: cycleDecisions }),
    decisionNote: text("decision_note").notNull().default(""),
    nextFocus: text("next_focus").notNull().default(""),
    /** The cycle this one continues (what the previous one decided to take on next). */
    previousCycleId: uuid("previous_cycle_id"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("cycles_community_idx").on(t.orgId, t.communityId, t.status),
    index("cycles_activity_idx").on(t.orgId, t.lastActivityAt),
    index("cycles_goal_idx").on(t.orgId, t.goalId),
    check("cycles_stage_range", sql`${t.stage} between 1 and 7`),
  ],
);

/**
 * What the team recorded at one stage of a cycle: notes and the stage's own fields (`details`, checked by
 * the stage's schema in shared/schemas/cycles.ts: the needs found, the learning planned, the
 * implementation plan, the evaluation). `enteredAt`/`completedAt` draw the timeline.
 */
export const cycleStageRecords = pgTable(
  "cycle_stage_records",
  {
    orgId: orgId(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    stage: smallint("stage").notNull(),
    notes: text("notes").notNull().default(""),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    enteredAt: timestamp("entered_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => people.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.stage] }),
    check("cycle_stage_range", sql`${t.stage} between 1 and 7`),
  ],
);

/** Evidence attached to a stage: an artifact, a meeting or a goal of Lamplight, or a link. */
export const cycleEvidence = pgTable(
  "cycle_evidence",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    stage: smallint("stage").notNull(),
    kind: text("kind", { enum: evidenceKinds }).notNull(),
    artifactId: uuid("artifact_id").references(() => artifacts.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id").references(() => goals.id, { onDelete: "cascade" }),
    url: text("url").notNull().default(""),
    title: text("title").notNull().default(""),
    note: text("note").notNull().default(""),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("cycle_evidence_cycle_idx").on(t.orgId, t.cycleId, t.stage),
    check(
      "cycle_evidence_target",
      sql`num_nonnulls(${t.artifactId}, ${t.meetingId}, ${t.goalId}) = (case when ${t.kind} = 'url' then 0 else 1 end)`,
    ),
  ],
);
