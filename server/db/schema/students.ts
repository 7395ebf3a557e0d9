import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  enrollmentRoles,
  importStatuses,
  rosterImportKinds,
  sessionTypes,
} from "../../../shared/schemas/student-enums.ts";
import { createdAt, orgId, updatedAt } from "./columns.ts";
import { schools } from "./organizations.ts";
import { people } from "./people.ts";

/*
 * Rosters (OneRoster 1.1/1.2 CSV) and students — the most protected data. A student row carries no name
 * and no district id: analysis joins on `students.id` and shows `pseudonym`. Who a student is lives in
 * student_identities alone, which only the student's own teachers and authorised leaders read, logged.
 * Every roster row keeps its OneRoster `sourcedId` (unique per district) so a re-import updates it, and the
 * import that last wrote it.
 */

/** One OneRoster zip as it was imported: what it held, what it changed, what was wrong. */
export const rosterImports = pgTable(
  "roster_imports",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    kind: text("kind", { enum: rosterImportKinds }).notNull(),
    status: text("status", { enum: importStatuses }).notNull().default("validating"),
    fileName: text("file_name").notNull().default(""),
    /** SHA-256 of the zip: the same file imported again is recognised. */
    fileSha256: text("file_sha256").notNull(),
    /** Rows created, updated and removed per file, and people matched by email. */
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    /** Problems by file and line: [{ file, line, field, message }]. */
    problems: jsonb("problems")
      .$type<{ file: string; line: number; field: string; message: string }[]>()
      .notNull()
      .default([]),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("roster_imports_org_idx").on(t.orgId, t.createdAt)],
);

const sourced = () => text("sourced_id").notNull();
const importedBy = () => uuid("import_id").references(() => rosterImports.id, { onDelete: "set null" });
/** OneRoster's status: tobedeleted rows of a delta file remove the row. */
const active = () => boolean("active").notNull().default(true);

export const academicSessions = pgTable(
  "academic_sessions",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    sourcedId: sourced(),
    title: text("title").notNull(),
    type: text("type", { enum: sessionTypes }).notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    parentId: uuid("parent_id"),
    schoolYear: text("school_year").notNull().default(""),
    active: active(),
    importId: importedBy(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("academic_sessions_sourced_idx").on(t.orgId, t.sourcedId)],
);

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    sourcedId: sourced(),
    schoolId: uuid("school_id").references(() => schools.id),
    title: text("title").notNull(),
    courseCode: text("course_code").notNull().default(""),
    grades: text("grades").array().notNull().default([]),
    subjects: text("subjects").array().notNull().default([]),
    active: active(),
    importId: importedBy(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("courses_sourced_idx").on(t.orgId, t.sourcedId)],
);

/** A class (section) of a course at a school in one or more terms. */
export const classes = pgTable(
  "classes",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    sourcedId: sourced(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    courseId: uuid("course_id").references(() => courses.id),
    title: text("title").notNull(),
    classCode: text("class_code").notNull().default(""),
    grades: text("grades").array().notNull().default([]),
    subjects: text("subjects").array().notNull().default([]),
    periods: text("periods").array().notNull().default([]),
    termIds: uuid("term_ids").array().notNull().default([]),
    active: active(),
    importId: importedBy(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("classes_sourced_idx").on(t.orgId, t.sourcedId),
    index("classes_school_idx").on(t.orgId, t.schoolId),
  ],
);

/** A student, pseudonymous: no name, no district id. `pseudonym` is what wider audiences see. */
export const students = pgTable(
  "students",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    /** Short, random, unique in the district (e.g. "S-4K7Q2M"); never derived from who the student is. */
    pseudonym: text("pseudonym").notNull(),
    grades: text("grades").array().notNull().default([]),
    schoolIds: uuid("school_ids").array().notNull().default([]),
    active: active(),
    importId: importedBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("students_pseudonym_idx").on(t.orgId, t.pseudonym)],
);

/**
 * Who a student is: the one table with names and district ids. Read only through the student-access rule
 * (the student's own teachers by enrollment, their schools' leaders, administrators) and logged when read.
 */
export const studentIdentities = pgTable(
  "student_identities",
  {
    studentId: uuid("student_id")
      .primaryKey()
      .references(() => students.id, { onDelete: "cascade" }),
    orgId: orgId(),
    /** The OneRoster sourcedId: how imports find the student again. */
    sourcedId: sourced(),
    /** The district's student number (OneRoster `identifier`), which results files often use. */
    identifier: text("identifier").notNull().default(""),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    preferredName: text("preferred_name").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("student_identities_sourced_idx").on(t.orgId, t.sourcedId),
    index("student_identities_identifier_idx").on(t.orgId, t.identifier),
  ],
);

/**
 * Who is in a class: a student, or a teacher or aide (a Lamplight person matched by email). A teacher whose
 * email matches nobody yet keeps the email, and is linked when that person joins.
 */
export const enrollments = pgTable(
  "enrollments",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    sourcedId: sourced(),
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    role: text("role", { enum: enrollmentRoles }).notNull(),
    studentId: uuid("student_id").references(() => students.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id),
    teacherEmail: text("teacher_email").notNull().default(""),
    primary: boolean("primary").notNull().default(false),
    beginDate: date("begin_date"),
    endDate: date("end_date"),
    active: active(),
    importId: importedBy(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("enrollments_sourced_idx").on(t.orgId, t.sourcedId),
    index("enrollments_class_idx").on(t.orgId, t.classId, t.role),
    index("enrollments_student_idx").on(t.orgId, t.studentId),
    index("enrollments_person_idx").on(t.orgId, t.personId),
    index("enrollments_email_idx")
      .on(t.orgId, t.teacherEmail)
      .where(sql`person_id is null and teacher_email <> ''`),
  ],
);
