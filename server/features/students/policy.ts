import type { Actor } from "../../http/auth/plugin.ts";

/*
 * The student-access rule (issue 6, Privacy). Who a student is (names, district id) and anything about one
 * student is read only by: the student's own teachers and aides (an active teacher/aide enrollment in an
 * active class where the student is actively enrolled), the leaders of the student's schools, and the
 * district's administrators. Never partners, whatever else they are; never another district (404).
 * visibility.ts writes the same rule as SQL; access.test.ts checks the two agree on every combination.
 */

export type StudentAccess = {
  actor: Actor;
  /** The schools the student belongs to (students.school_ids). */
  studentSchoolIds: string[];
  /** The actor teaches (or aides) the student now, by enrollment. */
  teachesStudent: boolean;
};

export function canReadStudent(a: StudentAccess): boolean {
  const { actor } = a;
  if (actor.orgRole === "partner") return false;
  if (actor.orgRole === "administrator") return true;
  if (a.teachesStudent) return true;
  return actor.orgRole === "school_leader" && a.studentSchoolIds.some((id) => actor.schoolIds.includes(id));
}

/** Rosters (the import, its history and reports) are the administrators'. */
export const canManageRosters = (actor: Actor) => actor.orgRole === "administrator";
