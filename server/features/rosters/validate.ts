import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { type Problems, readRows } from "./read.ts";
import { COLUMNS, checkValue, ROSTER_FILES, type RosterFile } from "./spec.ts";
import { checkParents, ROW_CHECKS, type State } from "./validate-rows.ts";
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
  /** User sourcedId → role, from users.csv or (OneRoster 1.2) the user's primary role in roles.csv. */
  userRoles: Map<string, string>;
  /** User sourcedId → the orgs roles.csv gives them (1.2's users.csv may have no orgSourcedIds). */
  userOrgs: Map<string, string[]>;
};

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
    staff: await ids("roster_staff"),
  };
}

/** Which files the manifest names, and how; a file it names that the zip lacks is a problem. */
function manifestFiles(zip: RosterZip, manifest: Map<string, string>, problems: Problems) {
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
  return files;
}

export async function validateRoster(
  db: Executor,
  orgId: string,
  zip: RosterZip,
  manifest: Map<string, string>,
  problems: Problems,
): Promise<Plan> {
  const files = manifestFiles(zip, manifest, problems);
  const plan: Plan = { files, schools: new Map(), userRoles: new Map(), userOrgs: new Map() };
  const { schools, ...existing } = await districtIds(db, orgId);
  const state: State = {
    problems,
    known: {
      orgs: new Set(),
      academicSessions: new Set(),
      courses: new Set(),
      classes: new Set(),
      users: new Set(),
    },
    existing,
    schoolOrgs: new Set(schools),
    lamplightSchools: (
      await db.execute<{ id: string; name: string; sourced: string | null }>(
        sql`select id, name, roster_sourced_id as sourced from schools where org_id = ${orgId} and archived_at is null`,
      )
    ).rows,
    plan,
    parents: [],
    rolesFile: files.has("roles"),
    headerReported: new Set(),
  };
  for (const file of ROSTER_FILES) {
    const mode = files.get(file);
    if (mode) await checkFile(state, zip, file, mode);
  }
  return plan;
}

/** One file: each row's values, its sourcedId unique in the file, then what it references. */
async function checkFile(state: State, zip: RosterZip, file: RosterFile, mode: "bulk" | "delta") {
  const name = `${file}.csv`;
  const seen = new Set<string>();
  for await (const { line, row } of readRows(await zip.open(name), file, state.problems)) {
    let bad = false;
    for (const column of COLUMNS[file]) {
      if (!(column.name in row)) continue;
      const why = checkValue(column, row[column.name] ?? "", mode === "delta");
      if (why) {
        bad = true;
        state.problems.add(name, line, column.name, why);
      }
    }
    const id = row.sourcedId ?? "";
    if (seen.has(id)) state.problems.add(name, line, "sourcedId", `"${id}" appears twice in this file.`);
    seen.add(id);
    if (!bad) ROW_CHECKS[file](state, line, row, row.status === "tobedeleted");
  }
  if (file === "academicSessions") checkParents(state);
}
