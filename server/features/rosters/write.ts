import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { newId } from "../../lib/ids.ts";
import { Problems, readRows } from "./read.ts";
import { list, type RosterFile } from "./spec.ts";
import { loadStaff, type Staff, saveStaff } from "./staff.ts";
import { type StudentRow, writeStudents } from "./students-write.ts";
import { idsBySourced, textArray, upsertBatch } from "./upsert.ts";
import type { Plan } from "./validate.ts";
import type { RosterZip } from "./zip.ts";

/*
 * Pass 2, inside the import's transaction: each file read again and written in batches of BATCH rows
 * (a district's 100k enrollments never sit in memory as rows; only sourcedId → id maps do). A bulk file
 * replaces: what the district had from rosters and the file lacks becomes inactive. A delta file applies:
 * tobedeleted rows become inactive, the others are upserted.
 */

const BATCH = 2000;
const TABLES = {
  academicSessions: "academic_sessions",
  courses: "courses",
  classes: "classes",
  enrollments: "enrollments",
} as const;

export type Report = Record<string, number>;

export async function writeRoster(
  db: Executor,
  orgId: string,
  importId: string,
  zip: RosterZip,
  plan: Plan,
): Promise<Report> {
  const report: Report = {};
  const add = (key: string, n: number) => {
    report[key] = (report[key] ?? 0) + n;
  };
  await db.execute(
    sql`create temp table if not exists roster_seen (file text, sourced_id text) on commit drop`,
  );
  for (const [orgSourced, schoolId] of plan.schools) {
    const r = await db.execute(sql`update schools set roster_sourced_id = ${orgSourced}
      where id = ${schoolId} and roster_sourced_id is distinct from ${orgSourced}`);
    add("schools.matched", 1);
    add("schools.linked", r.rowCount ?? 0);
  }
  const schools = await idsBySourced(
    db,
    "(select org_id, roster_sourced_id as sourced_id, id from schools) s",
    orgId,
  );
  // This file's teachers and aides: sourcedId → email (stored in roster_staff once users.csv is read).
  const staff = new Map<string, string>();
  const m: Maps = {
    schools,
    teachers: new Map(),
    importId,
    sessions: new Map(),
    courses: new Map(),
    classes: new Map(),
    students: new Map(),
  };
  const reload = async () => {
    m.sessions = await idsBySourced(db, "academic_sessions", orgId);
    m.courses = await idsBySourced(db, "courses", orgId);
    m.classes = await idsBySourced(db, "classes", orgId);
  };
  await reload();

  for (const file of ["academicSessions", "courses", "classes", "users", "enrollments"] as const) {
    const mode = plan.files.get(file);
    if (!mode) continue;
    // Enrollments name teachers of this zip and of earlier ones (a delta file often has no users.csv).
    if (file === "enrollments") m.teachers = await loadStaff(db, orgId);
    let batch: Record<string, unknown>[] = [];
    let gone: string[] = [];
    const parents: [string, string][] = [];
    const flush = async () => {
      if (mode === "bulk" && batch.length)
        await db.execute(
          sql`insert into roster_seen select ${file}, unnest(${textArray(batch.map((b) => b.sourced_id as string))})`,
        );
      if (file === "users") {
        const counts = await writeStudents(db, orgId, importId, batch as StudentRow[]);
        add("students.created", counts.created);
        add("students.updated", counts.updated);
      } else if (batch.length) {
        const counts = await upsertBatch(db, TABLES[file], orgId, COLUMNS_SQL[file], batch);
        add(`${file}.created`, counts.created);
        add(`${file}.updated`, counts.updated);
      }
      if (gone.length)
        add(
          `${file}.deactivated`,
          await deactivate(db, file, orgId, sql`sourced_id = any(${textArray(gone)})`),
        );
      batch = [];
      gone = [];
    };
    for await (const { row } of readRows(await zip.open(`${file}.csv`), file, new Problems())) {
      const id = row.sourcedId ?? "";
      if (row.status === "tobedeleted") {
        gone.push(id);
      } else if (file === "users") {
        // The role from users.csv, or OneRoster 1.2's primary role in roles.csv (validate.ts read it).
        const role = plan.userRoles.get(id) || row.role || "";
        if (role === "teacher" || role === "aide") staff.set(id, (row.email ?? "").toLowerCase());
        if (role === "student") batch.push(studentRow(row, schools, plan.userOrgs.get(id)));
      } else {
        if (file === "academicSessions" && row.parentSourcedId) parents.push([id, row.parentSourcedId]);
        const r = toRow(file, row, m);
        if (r) batch.push(r);
      }
      if (batch.length + gone.length >= BATCH) await flush();
    }
    await flush();
    if (parents.length) await linkParents(db, orgId, parents);
    if (file === "users") {
      const counts = await saveStaff(db, orgId, importId, staff);
      add("teachers.matched", counts.matched);
      add("teachers.unmatched", counts.unmatched);
    }

    if (mode === "bulk") {
      const notSeen = sql`not exists (select 1 from roster_seen rs where rs.file = ${file} and rs.sourced_id = x.sourced_id)`;
      add(`${file === "users" ? "students" : file}.deactivated`, await deactivate(db, file, orgId, notSeen));
    }
    if (file === "users") m.students = await idsBySourced(db, "student_identities", orgId, "student_id");
    else await reload();
  }
  return report;
}

/** Makes matching rows inactive; returns how many were active. Students are found by their identity. */
async function deactivate(
  db: Executor,
  file: RosterFile,
  orgId: string,
  where: ReturnType<typeof sql>,
): Promise<number> {
  const r =
    file === "users"
      ? await db.execute(sql`update students set active = false, updated_at = now() where org_id = ${orgId} and active
          and id in (select x.student_id from student_identities x where x.org_id = ${orgId} and ${where})`)
      : await db.execute(sql`update ${sql.raw(TABLES[file as keyof typeof TABLES])} x set active = false, updated_at = now()
          where x.org_id = ${orgId} and x.active and ${where}`);
  return r.rowCount ?? 0;
}

/** A session's parent (a term's school year), once every session of the file is written. */
async function linkParents(db: Executor, orgId: string, pairs: [string, string][]) {
  await db.execute(sql`update academic_sessions a set parent_id = p.id, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(pairs.map(([s, parent]) => ({ s, parent })))}::jsonb) as r(s text, parent text)
    join academic_sessions p on p.org_id = ${orgId} and p.sourced_id = r.parent
    where a.org_id = ${orgId} and a.sourced_id = r.s and a.parent_id is distinct from p.id`);
}

const COLUMNS_SQL: Record<keyof typeof TABLES, Record<string, string>> = {
  academicSessions: {
    id: "uuid",
    sourced_id: "text",
    title: "text",
    type: "text",
    start_date: "date",
    end_date: "date",
    school_year: "text",
    active: "boolean",
    import_id: "uuid",
  },
  courses: {
    id: "uuid",
    sourced_id: "text",
    school_id: "uuid",
    title: "text",
    course_code: "text",
    grades: "text[]",
    subjects: "text[]",
    active: "boolean",
    import_id: "uuid",
  },
  classes: {
    id: "uuid",
    sourced_id: "text",
    school_id: "uuid",
    course_id: "uuid",
    title: "text",
    class_code: "text",
    grades: "text[]",
    subjects: "text[]",
    periods: "text[]",
    term_ids: "uuid[]",
    active: "boolean",
    import_id: "uuid",
  },
  enrollments: {
    id: "uuid",
    sourced_id: "text",
    class_id: "uuid",
    role: "text",
    student_id: "uuid",
    person_id: "uuid",
    teacher_email: "text",
    primary: "boolean",
    begin_date: "date",
    end_date: "date",
    active: "boolean",
    import_id: "uuid",
  },
};

type Maps = {
  schools: Map<string, string>;
  sessions: Map<string, string>;
  courses: Map<string, string>;
  classes: Map<string, string>;
  teachers: Map<string, Staff>;
  importId: string;
  students: Map<string, string>;
};

function toRow(
  file: keyof typeof TABLES,
  r: Record<string, string>,
  m: Maps,
): Record<string, unknown> | null {
  const base = { id: newId(), sourced_id: r.sourcedId, active: true, import_id: m.importId };
  switch (file) {
    case "academicSessions":
      return {
        ...base,
        title: r.title,
        type: r.type,
        start_date: r.startDate,
        end_date: r.endDate,
        school_year: r.schoolYear ?? "",
      };
    case "courses":
      return {
        ...base,
        school_id: m.schools.get(r.orgSourcedId ?? "") ?? null,
        title: r.title,
        course_code: r.courseCode ?? "",
        grades: list(r.grades),
        subjects: list(r.subjects),
      };
    case "classes":
      return {
        ...base,
        school_id: m.schools.get(r.schoolSourcedId ?? ""),
        course_id: m.courses.get(r.courseSourcedId ?? "") ?? null,
        title: r.title,
        class_code: r.classCode ?? "",
        grades: list(r.grades),
        subjects: list(r.subjects),
        periods: list(r.periods),
        term_ids: list(r.termSourcedIds).flatMap((t) => m.sessions.get(t) ?? []),
      };
    case "enrollments": {
      const role = r.role ?? "";
      if (role !== "student" && role !== "teacher" && role !== "aide") return null;
      const teacher = m.teachers.get(r.userSourcedId ?? "");
      return {
        ...base,
        class_id: m.classes.get(r.classSourcedId ?? ""),
        role,
        student_id: role === "student" ? (m.students.get(r.userSourcedId ?? "") ?? null) : null,
        person_id: teacher?.personId ?? null,
        teacher_email: teacher && !teacher.personId ? teacher.email : "",
        primary: (r.primary ?? "").toLowerCase() === "true",
        begin_date: r.beginDate || null,
        end_date: r.endDate || null,
      };
    }
  }
}

function studentRow(
  r: Record<string, string>,
  schools: Map<string, string>,
  roleOrgs?: string[],
): StudentRow {
  return {
    sourced_id: r.sourcedId ?? "",
    identifier: r.identifier ?? "",
    given_name: r.givenName ?? "",
    family_name: r.familyName ?? "",
    preferred_name: r.preferredFirstName || r.preferredGivenName || "",
    grades: list(r.grades),
    school_ids: [...new Set([...list(r.orgSourcedIds), ...(roleOrgs ?? [])])].flatMap(
      (o) => schools.get(o) ?? [],
    ),
  };
}
