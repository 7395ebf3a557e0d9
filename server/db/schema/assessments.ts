import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  groupPurposes,
  importStatuses,
  itemKinds,
  resultShapes,
} from "../../../shared/schemas/student-enums.ts";
import { createdAt, orgId, updatedAt } from "./columns.ts";
import { communities } from "./communities.ts";
import { people } from "./people.ts";
import { students } from "./students.ts";

/*
 * Assessments and their results. assessment_results is the big table (a district file can hold a million
 * rows): its key leads with org_id, rows carry the import that wrote them (deleting the import removes
 * them), and a re-import of the same rows replaces them instead of adding.
 */

/** A common assessment: its items, and the mastery threshold the team chose (percent of the points). */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    /** The team that gives it (a common formative assessment), or null for a district-wide one. */
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    givenOn: date("given_on"),
    masteryPercent: doublePrecision("mastery_percent").notNull().default(80),
    /** When results were last written or removed; analysis rebuilds its aggregates when it is newer. */
    resultsChangedAt: timestamp("results_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** When assessment_standard_scores was last rebuilt for it (null: never). */
    aggregatedAt: timestamp("aggregated_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("assessments_org_idx").on(t.orgId, t.communityId),
    check("assessments_mastery_range", sql`${t.masteryPercent} > 0 and ${t.masteryPercent} <= 100`),
  ],
);

/** An item (question) of an assessment: its standard, points, and for choice items the key. */
export const assessmentItems = pgTable(
  "assessment_items",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    /** How results files name it ("Q3", "3"). */
    label: text("label").notNull(),
    position: integer("position").notNull(),
    kind: text("kind", { enum: itemKinds }).notNull().default("points"),
    standard: text("standard").notNull().default(""),
    maxPoints: doublePrecision("max_points").notNull(),
    /** Choice items: the letter that is right. */
    answerKey: text("answer_key").notNull().default(""),
  },
  (t) => [
    uniqueIndex("assessment_items_label_idx").on(t.assessmentId, t.label),
    check("assessment_items_points", sql`${t.maxPoints} > 0`),
  ],
);

/** One results file as it was imported: its shape, the mapping used, what was wrong, what it wrote. */
export const resultImports = pgTable(
  "result_imports",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    shape: text("shape", { enum: resultShapes }).notNull(),
    status: text("status", { enum: importStatuses }).notNull().default("validating"),
    fileName: text("file_name").notNull().default(""),
    fileSha256: text("file_sha256").notNull(),
    fileBytes: bigint("file_bytes", { mode: "number" }).notNull().default(0),
    /** Which column is what: { student, item?, score?, response?, items?: { column: itemId } }. */
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
    rowsRead: integer("rows_read").notNull().default(0),
    rowsImported: integer("rows_imported").notNull().default(0),
    /** The first problems by line: [{ line, field, message }] (a count of the rest in rowsRead − imported). */
    problems: jsonb("problems")
      .$type<{ line: number; field: string; message: string }[]>()
      .notNull()
      .default([]),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("result_imports_assessment_idx").on(t.orgId, t.assessmentId, t.createdAt)],
);

/** The last column mapping a person used for a file with these headers (offered again next time). */
export const resultMappings = pgTable(
  "result_mappings",
  {
    orgId: orgId(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    shape: text("shape", { enum: resultShapes }).notNull(),
    /** The file's header row, normalised and hashed: the same export from the same system matches. */
    headerSignature: text("header_signature").notNull(),
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.shape, t.headerSignature] })],
);

/** A student's result on one item: the score, and for choice items the letter chosen. */
export const assessmentResults = pgTable(
  "assessment_results",
  {
    orgId: orgId(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => assessmentItems.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    score: doublePrecision("score").notNull(),
    response: text("response").notNull().default(""),
    importId: uuid("import_id")
      .notNull()
      .references(() => resultImports.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.assessmentId, t.studentId, t.itemId] }),
    index("assessment_results_item_idx").on(t.orgId, t.assessmentId, t.itemId),
    index("assessment_results_import_idx").on(t.importId),
  ],
);

/** A flexible group of students for re-teaching or extension, saved by a teacher and adjustable. */
export const studentGroups = pgTable(
  "student_groups",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    assessmentId: uuid("assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    standard: text("standard").notNull().default(""),
    purpose: text("purpose", { enum: groupPurposes }).notNull(),
    title: text("title").notNull(),
    /** Optimistic concurrency: an adjustment of a stale group is a 409. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("student_groups_org_idx").on(t.orgId, t.communityId)],
);

export const studentGroupMembers = pgTable(
  "student_group_members",
  {
    orgId: orgId(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => studentGroups.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.studentId] })],
);
