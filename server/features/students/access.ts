import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { studentIdentities, students } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { forbidden, notFound } from "../../http/errors.ts";
import { recordAudit } from "../audit/record.ts";
import { canReadStudent, type StudentAccess } from "./policy.ts";
import { studentVisible, teaches } from "./visibility.ts";

/** The facts canReadStudent needs about one student, or null when the district has no such student. */
export async function loadStudentAccess(
  db: Executor,
  actor: Actor,
  studentId: string,
): Promise<StudentAccess | null> {
  const [row] = await db
    .select({ schoolIds: students.schoolIds, teaches: sql<boolean>`${teaches(actor, sql.raw("students"))}` })
    .from(students)
    .where(and(eq(students.id, studentId), eq(students.orgId, actor.orgId)));
  return row ? { actor, studentSchoolIds: row.schoolIds, teachesStudent: row.teaches } : null;
}

/** Throws 404 (not this district's) or 403 (not the actor's student) before anything about them is read. */
export async function requireStudentAccess(db: Executor, actor: Actor, studentId: string): Promise<void> {
  if (actor.orgRole === "partner") throw forbidden("Partners do not see student data.");
  const access = await loadStudentAccess(db, actor, studentId);
  if (!access) throw notFound("This student");
  if (!canReadStudent(access)) throw forbidden("Only this student's teachers and school leaders see them.");
}

export type StudentIdentity = {
  studentId: string;
  pseudonym: string;
  givenName: string;
  familyName: string;
  preferredName: string;
  identifier: string;
};

/**
 * The one way to read who students are: returns the identities of those of `studentIds` the actor may
 * read (the others are left out silently — callers show the pseudonym) and logs the reading in the
 * audit log (one entry per call, naming how many and why), inside the caller's transaction when given.
 */
export async function readStudentIdentities(
  db: Executor,
  actor: Actor,
  studentIds: string[],
  purpose: string,
): Promise<Map<string, StudentIdentity>> {
  const found = new Map<string, StudentIdentity>();
  if (!studentIds.length || actor.orgRole === "partner") return found;
  const rows = await db
    .select({
      studentId: students.id,
      pseudonym: students.pseudonym,
      givenName: studentIdentities.givenName,
      familyName: studentIdentities.familyName,
      preferredName: studentIdentities.preferredName,
      identifier: studentIdentities.identifier,
    })
    .from(students)
    .innerJoin(studentIdentities, eq(studentIdentities.studentId, students.id))
    .where(and(inArray(students.id, [...new Set(studentIds)]), studentVisible(actor, sql.raw("students"))));
  for (const r of rows) found.set(r.studentId, r);
  if (found.size) {
    await recordAudit(db, {
      orgId: actor.orgId,
      actorId: actor.id,
      action: "student.identities_viewed",
      subjectType: "student",
      subjectId: found.size === 1 ? [...found.keys()][0] : null,
      details: { count: found.size, purpose, studentIds: [...found.keys()].slice(0, 200) },
    });
  }
  return found;
}
