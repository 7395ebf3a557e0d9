import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schools } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { newId } from "../../lib/ids.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createPerson, orgId, unique } from "../../test/factories.ts";
import { oneRosterZip, sampleRoster } from "../../test/oneroster-zip.ts";
import { importBuffer } from "./test-helpers.ts";

let t: TestApp;
let admin: Actor;
let school: string;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "lakeside");
  const person = await createPerson(t.db, { orgId: org, orgRole: "administrator" });
  admin = {
    id: person.id,
    orgId: org,
    orgRole: "administrator",
    name: "",
    email: person.email,
    schoolIds: [],
  };
  school = unique("Lake School");
  await t.db.insert(schools).values({ id: newId(), orgId: org, name: school });
});
afterAll(() => t.close());

const active = async (sourcedId: string) =>
  (
    await t.db.execute<{ active: boolean }>(
      sql`select s.active from students s join student_identities i on i.student_id = s.id where i.sourced_id = ${sourcedId}`,
    )
  ).rows[0]?.active;

describe("bulk and delta imports", () => {
  it("bulk replaces: a student the new file lacks becomes inactive, and the report says how many", async () => {
    const roster = sampleRoster({ school, teacherEmail: "nobody@lake.example", prefix: "m" });
    const first = await importBuffer(t.db, admin, oneRosterZip(roster));
    expect(first.counts).toMatchObject({ "students.created": 2, "teachers.unmatched": 1 });
    const unmatched = await t.db.execute<{ teacher_email: string }>(
      sql`select teacher_email from enrollments where sourced_id = 'm-e1'`,
    );
    expect(unmatched.rows[0]?.teacher_email).toBe("nobody@lake.example");
    const smaller = {
      ...roster,
      users: roster.users?.filter((u) => u.sourcedId !== "m-s2"),
      enrollments: roster.enrollments?.filter((e) => e.sourcedId !== "m-e3"),
    };
    const second = await importBuffer(t.db, admin, oneRosterZip(smaller));
    expect(second.counts).toMatchObject({
      "students.deactivated": 1,
      "enrollments.deactivated": 1,
      "students.created": 0,
    });
    expect(await active("m-s2")).toBe(false);
    expect(await active("m-s1")).toBe(true);
  });

  it("delta applies: tobedeleted rows become inactive, changed rows update, absent files stay as they are", async () => {
    const stamp = "2026-09-01T00:00:00Z";
    const delta = oneRosterZip(
      {
        users: [
          {
            sourcedId: "m-s1",
            status: "active",
            dateLastModified: stamp,
            orgSourcedIds: "m-org",
            role: "student",
            givenName: "Anita",
            familyName: "Lopez",
            identifier: "m1001",
            grades: "07",
          },
          {
            sourcedId: "m-t",
            status: "tobedeleted",
            dateLastModified: stamp,
            orgSourcedIds: "m-org",
            role: "teacher",
            givenName: "Tess",
            familyName: "Teacher",
          },
        ],
        enrollments: [
          {
            sourcedId: "m-e2",
            status: "tobedeleted",
            dateLastModified: stamp,
            classSourcedId: "m-k",
            schoolSourcedId: "m-org",
            userSourcedId: "m-s1",
            role: "student",
          },
        ],
      },
      "delta",
    );
    const report = await importBuffer(t.db, admin, delta, "delta");
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({ "students.updated": 1, "enrollments.deactivated": 1 });
    const name = await t.db.execute<{ given_name: string }>(
      sql`select given_name from student_identities where sourced_id = 'm-s1'`,
    );
    expect(name.rows[0]?.given_name).toBe("Anita");
    const classes = await t.db.execute<{ active: boolean }>(
      sql`select active from classes where sourced_id = 'm-k'`,
    );
    expect(classes.rows[0]?.active).toBe(true);
  });

  it("links a term to its school year, which may come after it in the file", async () => {
    const stamp = "2026-09-01T00:00:00Z";
    const zip = oneRosterZip(
      {
        academicSessions: [
          {
            sourcedId: "m-fall",
            status: "active",
            dateLastModified: stamp,
            title: "Fall",
            type: "term",
            startDate: "2026-08-15",
            endDate: "2026-12-20",
            parentSourcedId: "m-y2",
          },
          {
            sourcedId: "m-y2",
            status: "active",
            dateLastModified: stamp,
            title: "2027-28",
            type: "schoolYear",
            startDate: "2027-08-15",
            endDate: "2028-06-15",
          },
        ],
      },
      "delta",
    );
    const report = await importBuffer(t.db, admin, zip, "delta");
    expect(report.problems).toEqual([]);
    const linked = await t.db.execute<{
      parent: string;
    }>(sql`select p.sourced_id as parent from academic_sessions a
      join academic_sessions p on p.id = a.parent_id where a.sourced_id = 'm-fall'`);
    expect(linked.rows[0]?.parent).toBe("m-y2");
  });

  it("refuses a delta file started as bulk, naming the manifest line", async () => {
    const report = await importBuffer(t.db, admin, oneRosterZip({ users: [] }, "delta"), "bulk");
    expect(report.status).toBe("failed");
    expect(report.problems[0]).toMatchObject({ file: "manifest.csv", field: "file.users" });
  });
});
