import type { Problems } from "./read.ts";
import { list } from "./spec.ts";

/*
 * The checks of one row, per file, once its values passed spec.ts's checks: what it references (rows of
 * the same zip, earlier in the manifest's order, or already in the district) and what it means for the
 * rows after it. Each file's function records what later files may reference into `State`.
 */

export type State = {
  problems: Problems;
  /** sourcedIds seen in this zip, per file. */
  known: Record<"orgs" | "academicSessions" | "courses" | "classes" | "users", Set<string>>;
  /** sourcedIds the district already has. */
  existing: Record<"academicSessions" | "courses" | "classes" | "students" | "staff", Set<string>>;
  /** OneRoster orgs that are Lamplight schools (this zip's, matched, and the district's). */
  schoolOrgs: Set<string>;
  lamplightSchools: { id: string; name: string; sourced: string | null }[];
  plan: {
    schools: Map<string, string>;
    userRoles: Map<string, string>;
    userOrgs: Map<string, string[]>;
  };
  /** A term's parent sessions, checked once the whole academicSessions file is read. */
  parents: [number, string][];
  /** roles.csv is in the zip (OneRoster 1.2): users.csv may then leave out role and orgSourcedIds. */
  rolesFile: boolean;
  /** users.csv's missing columns, reported once rather than on every row. */
  headerReported: Set<string>;
};

type Row = Record<string, string>;
type Check = (s: State, line: number, row: Row, deleting: boolean) => void;

const ref = (
  s: State,
  file: string,
  line: number,
  field: string,
  value: string,
  ok: boolean,
  what: string,
) => {
  if (value && !ok)
    s.problems.add(file, line, field, `"${value}" is not ${what} in this zip or already in Lamplight.`);
};

const org: Check = (s, line, row, deleting) => {
  const id = row.sourcedId ?? "";
  s.known.orgs.add(id);
  if (row.type !== "school" || deleting) return;
  const match =
    s.lamplightSchools.find((x) => x.sourced === id) ??
    s.lamplightSchools.find((x) => x.name.toLowerCase() === (row.name ?? "").toLowerCase());
  if (!match) {
    s.problems.add(
      "orgs.csv",
      line,
      "name",
      `No school "${row.name}" in Lamplight. An administrator adds the school first (Schools), with this name, then imports again.`,
    );
    return;
  }
  s.plan.schools.set(id, match.id);
  s.schoolOrgs.add(id);
};

const session: Check = (s, line, row) => {
  s.known.academicSessions.add(row.sourcedId ?? "");
  // A parent (the school year of a term) may come later in the file: checked after it.
  if (row.parentSourcedId) s.parents.push([line, row.parentSourcedId]);
  if (row.startDate && row.endDate && row.endDate < row.startDate)
    s.problems.add("academicSessions.csv", line, "endDate", "is before startDate.");
};

const course: Check = (s, line, row) => {
  s.known.courses.add(row.sourcedId ?? "");
  const o = row.orgSourcedId ?? "";
  ref(s, "courses.csv", line, "orgSourcedId", o, s.known.orgs.has(o) || s.schoolOrgs.has(o), "an org");
};

const klass: Check = (s, line, row) => {
  s.known.classes.add(row.sourcedId ?? "");
  const c = row.courseSourcedId ?? "";
  const f = "classes.csv";
  ref(s, f, line, "courseSourcedId", c, s.known.courses.has(c) || s.existing.courses.has(c), "a course");
  const school = row.schoolSourcedId ?? "";
  ref(s, f, line, "schoolSourcedId", school, s.schoolOrgs.has(school), "a school");
  for (const term of list(row.termSourcedIds))
    ref(
      s,
      f,
      line,
      "termSourcedIds",
      term,
      s.known.academicSessions.has(term) || s.existing.academicSessions.has(term),
      "an academic session",
    );
};

/** OneRoster 1.2: a user's primary role (the first one when none is marked primary), and every org. */
const role: Check = (s, line, row, deleting) => {
  if (deleting) return;
  const user = row.userSourcedId ?? "";
  const o = row.orgSourcedId ?? "";
  ref(s, "roles.csv", line, "orgSourcedId", o, s.known.orgs.has(o) || s.schoolOrgs.has(o), "an org");
  if (row.roleType === "primary" || !s.plan.userRoles.has(user)) s.plan.userRoles.set(user, row.role ?? "");
  s.plan.userOrgs.set(user, [...(s.plan.userOrgs.get(user) ?? []), o]);
};

const user: Check = (s, line, row) => {
  const id = row.sourcedId ?? "";
  s.known.users.add(id);
  // 1.1 gives the role and orgs in users.csv; 1.2 may give them in roles.csv instead.
  for (const column of ["role", "orgSourcedIds"])
    if (!s.rolesFile && !(column in row)) {
      if (!s.headerReported.has(column))
        s.problems.add(
          "users.csv",
          1,
          column,
          "column is missing from the header line, and the zip has no roles.csv (OneRoster 1.2) to give it.",
        );
      s.headerReported.add(column);
    }
  const given = row.role || s.plan.userRoles.get(id) || "";
  if (given) s.plan.userRoles.set(id, given);
  else if (s.rolesFile || "role" in row)
    s.problems.add("users.csv", line, "role", `"${id}" has no role here or in roles.csv.`);
  for (const o of list(row.orgSourcedIds))
    ref(s, "users.csv", line, "orgSourcedIds", o, s.known.orgs.has(o) || s.schoolOrgs.has(o), "an org");
};

const enrollment: Check = (s, line, row, deleting) => {
  if (deleting) return;
  const f = "enrollments.csv";
  const c = row.classSourcedId ?? "";
  ref(s, f, line, "classSourcedId", c, s.known.classes.has(c) || s.existing.classes.has(c), "a class");
  if (row.role !== "student" && row.role !== "teacher" && row.role !== "aide") return;
  const u = row.userSourcedId ?? "";
  // A delta file's enrollment may name a student or teacher that an earlier import brought.
  const known =
    s.plan.userRoles.get(u) ??
    (s.existing.students.has(u) ? "student" : s.existing.staff.has(u) ? "teacher" : undefined);
  if (!known)
    s.problems.add(f, line, "userSourcedId", `"${u}" is not a user in users.csv or already in Lamplight.`);
  else if ((row.role === "student") !== (known === "student"))
    s.problems.add(f, line, "role", `is ${row.role}, but users.csv gives "${u}" the role ${known}.`);
};

export const ROW_CHECKS = {
  orgs: org,
  academicSessions: session,
  courses: course,
  classes: klass,
  roles: role,
  users: user,
  enrollments: enrollment,
} as const;

/** Parents are the file's own sessions or the district's. */
export function checkParents(s: State): void {
  for (const [line, parent] of s.parents)
    if (!s.known.academicSessions.has(parent) && !s.existing.academicSessions.has(parent))
      s.problems.add(
        "academicSessions.csv",
        line,
        "parentSourcedId",
        `"${parent}" is not an academic session in this zip or already in Lamplight.`,
      );
}
