import { randomBytes } from "node:crypto";
import type { EnrollmentRole } from "../../shared/schemas/student-enums.ts";
import type { Db } from "../db/client.ts";
import { classes, enrollments, studentIdentities, students } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import { unique } from "./factories.ts";

/**
 * Students, classes and enrollments written straight into a test's database, so the results and analysis
 * tests do not depend on the OneRoster import (built beside them).
 */

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/** A random pseudonym like the import makes ("S-4K7Q2M"): never derived from who the student is. */
export function randomPseudonym(): string {
  const bytes = randomBytes(8);
  let code = "";
  for (const b of bytes) code += ALPHABET[b % ALPHABET.length];
  return `S-${code}`;
}

export type NewStudent = {
  orgId: string;
  /** The district's student number (results files use it); a unique one by default. */
  identifier?: string;
  sourcedId?: string;
  givenName?: string;
  familyName?: string;
  grades?: string[];
  schoolIds?: string[];
};

export async function createStudent(
  db: Db,
  s: NewStudent,
): Promise<{ id: string; pseudonym: string; identifier: string; sourcedId: string }> {
  const id = newId();
  const pseudonym = randomPseudonym();
  const identifier = s.identifier ?? unique("ID").replace(/\W+/g, "");
  const sourcedId = s.sourcedId ?? `src-${identifier}`;
  await db.insert(students).values({
    id,
    orgId: s.orgId,
    pseudonym,
    grades: s.grades ?? ["07"],
    schoolIds: s.schoolIds ?? [],
  });
  await db.insert(studentIdentities).values({
    studentId: id,
    orgId: s.orgId,
    sourcedId,
    identifier,
    givenName: s.givenName ?? "Test",
    familyName: s.familyName ?? unique("Student"),
  });
  return { id, pseudonym, identifier, sourcedId };
}

export type NewClass = { orgId: string; schoolId: string; title?: string; sourcedId?: string };

export async function createClass(db: Db, c: NewClass): Promise<{ id: string; title: string }> {
  const id = newId();
  const title = c.title ?? unique("Math 7");
  await db.insert(classes).values({
    id,
    orgId: c.orgId,
    schoolId: c.schoolId,
    sourcedId: c.sourcedId ?? `class-${id}`,
    title,
  });
  return { id, title };
}

async function enroll(
  db: Db,
  e: { orgId: string; classId: string; role: EnrollmentRole; studentId?: string; personId?: string },
): Promise<{ id: string }> {
  const id = newId();
  await db.insert(enrollments).values({
    id,
    orgId: e.orgId,
    sourcedId: `enr-${id}`,
    classId: e.classId,
    role: e.role,
    studentId: e.studentId ?? null,
    personId: e.personId ?? null,
    primary: e.role === "teacher",
  });
  return { id };
}

export const enrollStudent = (db: Db, orgId: string, classId: string, studentId: string) =>
  enroll(db, { orgId, classId, role: "student", studentId });

export const enrollTeacher = (
  db: Db,
  orgId: string,
  classId: string,
  personId: string,
  role: "teacher" | "aide" = "teacher",
) => enroll(db, { orgId, classId, role, personId });
