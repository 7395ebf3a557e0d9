import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { type Problems, readRows } from "./read.ts";
import { COLUMNS, checkValue, list, ROSTER_FILES, type RosterFile } from "./spec.ts";
import type { RosterZip } from "./zip.ts";

/*
 * Pass 1: every row of every file the manifest names is checked — values, duplicate sourcedIds,
 * references to rows of the same zip or already in the district — keeping only sets of ids, never the
 * rows. Nothing is written unless this pass finds no problem. Pass 2 (write.ts) reads the files again.
 */

export type Plan = {
  /** The files to read and how (absent files are left alone). */
  files: Map<RosterFile, "bulk" | "delta">;
  /** OneRoster org sourcedId → Lamplight school id, for the orgs of type school. */
  schools: Map<string, string>;
  /** User sourcedId → role as the users file gives it. */
  userRoles: Map<string, string>;
};

type Known = Record<"orgs" | "academicSessions" | "courses" | "classes" | "users", Set<string>>;

async function districtIds(db: Executor, orgId: string) {
  const ids = async (table: string, column = "sourced_id") =>
    new Set(
      (
        await db.execute<{ id: string }>(sql`select ${sql.raw(column)} as id from ${sql.raw(table)}
        where org_id = ${orgId} and ${sql.raw(column)} is not null`)
      ).rows.map((r) => r.id),
    );
  return {
    schools: await ids("schools", "roster_sourced_id"),
    academicSessions: await ids("academic_sessions"),
    courses: await ids("courses"),
    classes: await ids("classes"),
    students: await ids("student_identities"),
  };
}

export async function validateRoster(
  db: Executor,
  orgId: string,
  zip: RosterZip,
  manifest: Map<string, string>,
  problems: Problems,
): Promise<Plan> {
  const files = new Map<RosterFile, "bulk" | "delta">();
  for (const f of ROSTER_FILES) {
    const mode = (manifest.get(`file.${f}`) ?? "absent").toLowerCase();
    if (mode === "absent") continue;
    if (mode !== "bulk" && mode !== "delta") {
      problems.add("manifest.csv", 0, `file.${f}`, `"${mode}" must be bulk, delta or absent.`);
      continue;
    }
    if (!zip.has(`${f}.csv`))
      problems.add(`${f}.csv`, 0, "", `is named in manifest.csv (${mode}) but is not in the zip.`);
    else files.set(f, mode);
  }
  const plan: Plan = { files, schools: new Map(), userRoles: new Map() };
  const existing = await districtIds(db, orgId);
  const lamplightSchools = (
    await db.execute<{ id: string; name: string; sourced: string | null }>(
      sql`select id, name, roster_sourced_id as sourced from schools where org_id = ${orgId} and archived_at is null`,
    )
  ).rows;
  const known: Known = {
    orgs: new Set(),
    academicSessions: new Set(),
    courses: new Set(),
    classes: new Set(),
    users: new Set(),
  };
  const schoolOrgs = new Set<string>(existing.schools);
  for (const file of ROSTER_FILES) {
    const mode = files.get(file);
    if (!mode) continue;
    const name = `${file}.csv`;
    const seen = new Set<string>();
    const ref = (line: number, field: string, value: string, ok: boolean, what: string) => {
      if (value && !ok)
        problems.add(name, line, field, `"${value}" is not ${what} in this zip or already in Lamplight.`);
    };
    const parents: [number, string][] = [];
    for await (const { line, row } of readRows(await zip.open(name), file, problems)) {
      let bad = false;
      for (const column of COLUMNS[file]) {
        if (!(column.name in row)) continue;
        const why = checkValue(column, row[column.name] ?? "", mode === "delta");
        if (why) {
          bad = true;
          problems.add(name, line, column.name, why);
        }
      }
      const id = row.sourcedId ?? "";
      if (seen.has(id)) problems.add(name, line, "sourcedId", `"${id}" appears twice in this file.`);
      seen.add(id);
      if (bad) continue;
      const deleting = row.status === "tobedeleted";
      switch (file) {
        case "orgs": {
          known.orgs.add(id);
          if (row.type !== "school" || deleting) break;
          const match =
            lamplightSchools.find((s) => s.sourced === id) ??
            lamplightSchools.find((s) => s.name.toLowerCase() === (row.name ?? "").toLowerCase());
          if (!match)
            problems.add(
              name,
              line,
              "name",
              `No school "${row.name}" in Lamplight. An administrator adds the school first (Schools), with this name, then imports again.`,
            );
          else {
            plan.schools.set(id, match.id);
            schoolOrgs.add(id);
          }
          break;
        }
        case "academicSessions":
          known.academicSessions.add(id);
          // A parent (the school year of a term) may come later in the file: checked after it.
          if (row.parentSourcedId) parents.push([line, row.parentSourcedId]);
          if (row.startDate && row.endDate && row.endDate < row.startDate)
            problems.add(name, line, "endDate", "is before startDate.");
          break;
        case "courses":
          known.courses.add(id);
          ref(
            line,
            "orgSourcedId",
            row.orgSourcedId ?? "",
            known.orgs.has(row.orgSourcedId ?? "") || schoolOrgs.has(row.orgSourcedId ?? ""),
            "an org",
          );
          break;
        case "classes":
          known.classes.add(id);
          ref(
            line,
            "courseSourcedId",
            row.courseSourcedId ?? "",
            known.courses.has(row.courseSourcedId ?? "") || existing.courses.has(row.courseSourcedId ?? ""),
            "a course",
          );
          ref(
            line,
            "schoolSourcedId",
            row.schoolSourcedId ?? "",
            schoolOrgs.has(row.schoolSourcedId ?? ""),
            "a school",
          );
          for (const term of list(row.termSourcedIds))
            ref(
              line,
              "termSourcedIds",
              term,
              known.academicSessions.has(term) || existing.academicSessions.has(term),
              "an academic session",
            );
          break;
        case "users":
          known.users.add(id);
          plan.userRoles.set(id, row.role ?? "");
          for (const o of list(row.orgSourcedIds))
            ref(line, "orgSourcedIds", o, known.orgs.has(o) || schoolOrgs.has(o), "an org");
          break;
        case "enrollments": {
          if (deleting) break;
          ref(
            line,
            "classSourcedId",
            row.classSourcedId ?? "",
            known.classes.has(row.classSourcedId ?? "") || existing.classes.has(row.classSourcedId ?? ""),
            "a class",
          );
          const user = row.userSourcedId ?? "";
          const role = plan.userRoles.get(user) ?? (existing.students.has(user) ? "student" : undefined);
          if (row.role === "student" || row.role === "teacher" || row.role === "aide") {
            if (!role)
              problems.add(
                name,
                line,
                "userSourcedId",
                `"${user}" is not a user in users.csv or already in Lamplight.`,
              );
            else if ((row.role === "student") !== (role === "student"))
              problems.add(
                name,
                line,
                "role",
                `is ${row.role}, but users.csv gives "${user}" the role ${role}.`,
              );
          }
          break;
        }
      }
    }
    if (file === "academicSessions")
      checkParents(parents, known.academicSessions, existing.academicSessions, problems);
  }
  return plan;
}

/** Parents are the file's own sessions or the district's. */
function checkParents(
  parents: [number, string][],
  known: Set<string>,
  existing: Set<string>,
  problems: Problems,
) {
  for (const [line, parent] of parents)
    if (!known.has(parent) && !existing.has(parent))
      problems.add(
        "academicSessions.csv",
        line,
        "parentSourcedId",
        `"${parent}" is not an academic session in this zip or already in Lamplight.`,
      );
}
