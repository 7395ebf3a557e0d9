import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schools } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { newId } from "../../lib/ids.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createInvitation, createPerson, orgId, unique } from "../../test/factories.ts";
import { csv, oneRosterZip, type Roster, type Row, sampleRoster, zip } from "../../test/oneroster-zip.ts";
import { acceptInvitation } from "../invitations/accept.ts";
import { importBuffer } from "./test-helpers.ts";

/*
 * OneRoster 1.2 (roles in roles.csv, preferredFirstName), teachers kept by sourcedId for delta files, and
 * a teacher the roster named before they had an account, linked when they join.
 */

let t: TestApp;
let org: string;
let admin: Actor;

beforeAll(async () => {
  t = await startTestApp();
  org = await orgId(t.db, "riverside");
  const person = await createPerson(t.db, { orgId: org, orgRole: "administrator" });
  admin = {
    id: person.id,
    orgId: org,
    orgRole: "administrator",
    name: "",
    email: person.email,
    schoolIds: [],
  };
});
afterAll(() => t.close());

async function newSchool() {
  const name = unique("Roster 1.2 School");
  await t.db.insert(schools).values({ id: newId(), orgId: org, name });
  return name;
}

const emailOf = (name: string) => `${unique(name).replace(/\W+/g, "")}@riverside.example`;

/** A 1.2 zip: users.csv without role or orgSourcedIds, each user's roles in roles.csv. */
function v12Zip(roster: Roster, roles: Row[], mode: "bulk" | "delta" = "bulk") {
  const files = ["orgs", "academicSessions", "courses", "classes", "users", "enrollments"] as const;
  const manifest: Row[] = [
    { propertyName: "manifest.version", value: "1.0" },
    { propertyName: "oneroster.version", value: "1.2" },
    { propertyName: "file.roles", value: mode },
    // Demographics are never read (Lamplight keeps none): named and present, the file is left alone.
    { propertyName: "file.demographics", value: mode },
    ...files.map((f) => ({ propertyName: `file.${f}`, value: roster[f] ? mode : "absent" })),
  ];
  const users = (roster.users ?? []).map(({ role: _r, orgSourcedIds: _o, ...u }) => u);
  return zip({
    ...otherFiles(roster),
    "manifest.csv": csv(manifest, ["propertyName", "value"]),
    "users.csv": csv(users, [
      "sourcedId",
      "status",
      "dateLastModified",
      "enabledUser",
      "username",
      "givenName",
      "familyName",
      "preferredFirstName",
      "identifier",
      "email",
      "grades",
    ]),
    "demographics.csv":
      "sourcedId,status,dateLastModified,birthDate,sex\nanything,active,,2013-01-01,female\n",
    "roles.csv": csv(roles, [
      "sourcedId",
      "status",
      "dateLastModified",
      "userSourcedId",
      "roleType",
      "role",
      "orgSourcedId",
      "userProfileSourcedId",
      "beginDate",
      "endDate",
    ]),
  });
}

/** The files other than users.csv, whose columns 1.2 keeps. */
function otherFiles(roster: Roster) {
  const entries: Record<string, string> = {};
  for (const f of ["orgs", "academicSessions", "courses", "classes", "enrollments"] as const) {
    const rows = roster[f];
    if (rows) entries[`${f}.csv`] = csv(rows);
  }
  return entries;
}

const roleRow = (p: string, user: string, role: string, roleType = "primary", orgSourcedId = `${p}-org`) => ({
  sourcedId: `${user}-${role}-${roleType}`,
  status: "active",
  dateLastModified: "2026-08-01T00:00:00Z",
  userSourcedId: user,
  roleType,
  role,
  orgSourcedId,
});

describe("OneRoster 1.2", () => {
  it("reads each user's primary role from roles.csv and the preferred first name; demographics stay unread", async () => {
    const school = await newSchool();
    const teacherEmail = emailOf("tess12");
    await createPerson(t.db, { orgId: org, email: teacherEmail });
    const roster = sampleRoster({ school, teacherEmail, prefix: "v12" });
    const ana = roster.users?.find((u) => u.sourcedId === "v12-s1");
    if (ana) ana.preferredFirstName = "Annie";
    const roles = [
      roleRow("v12", "v12-t", "teacher"),
      // A secondary role does not change the primary one.
      roleRow("v12", "v12-t", "counselor", "secondary"),
      roleRow("v12", "v12-s1", "student"),
      roleRow("v12", "v12-s2", "student"),
    ];
    const report = await importBuffer(t.db, admin, v12Zip(roster, roles));
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({
      "students.created": 2,
      "enrollments.created": 3,
      "teachers.matched": 1,
    });
    const ids = await t.db.execute<{ given_name: string; preferred_name: string; schools: number }>(
      sql`select i.given_name, i.preferred_name, cardinality(s.school_ids) as schools
            from student_identities i join students s on s.id = i.student_id
           where i.sourced_id like 'v12-%' order by i.given_name`,
    );
    expect(ids.rows).toEqual([
      { given_name: "Ana", preferred_name: "Annie", schools: 1 },
      { given_name: "Ben", preferred_name: "", schools: 1 },
    ]);
  });

  it("refuses a users.csv without roles, once, naming what to add", async () => {
    const school = await newSchool();
    const roster = sampleRoster({ school, teacherEmail: emailOf("none"), prefix: "norole" });
    const users = roster.users ?? [];
    const header = Object.keys(users[0] ?? {}).filter((k) => k !== "role");
    const report = await importBuffer(
      t.db,
      admin,
      oneRosterZip(roster, "bulk", { "users.csv": csv(users, header) }),
    );
    expect(report.status).toBe("failed");
    const roleProblems = report.problems.filter((p) => p.file === "users.csv" && p.field === "role");
    expect(roleProblems).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining("roles.csv") }),
    ]);
  });

  it("a user with no role in either file is a problem on its line", async () => {
    const school = await newSchool();
    const roster = sampleRoster({ school, teacherEmail: emailOf("half"), prefix: "half" });
    const roles = [roleRow("half", "half-t", "teacher"), roleRow("half", "half-s1", "student")];
    const report = await importBuffer(t.db, admin, v12Zip(roster, roles));
    expect(report.status).toBe("failed");
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        file: "users.csv",
        line: 4,
        field: "role",
        message: expect.stringContaining("half-s2"),
      }),
    );
  });
});

describe("teachers across imports", () => {
  it("a delta file's enrollment of a teacher from an earlier import resolves by sourcedId", async () => {
    const school = await newSchool();
    const teacherEmail = emailOf("delta");
    const teacher = await createPerson(t.db, { orgId: org, email: teacherEmail });
    const roster = sampleRoster({ school, teacherEmail, prefix: "dl" });
    expect((await importBuffer(t.db, admin, oneRosterZip(roster))).status).toBe("completed");
    const stamp = "2026-09-01T00:00:00Z";
    const delta = oneRosterZip(
      {
        classes: [
          { ...roster.classes?.[0], sourcedId: "dl-k2", title: "Math 7, period 3", dateLastModified: stamp },
        ],
        enrollments: [
          {
            sourcedId: "dl-e9",
            status: "active",
            dateLastModified: stamp,
            classSourcedId: "dl-k2",
            schoolSourcedId: "dl-org",
            userSourcedId: "dl-t",
            role: "teacher",
          },
        ],
      },
      "delta",
    );
    const report = await importBuffer(t.db, admin, delta, "delta");
    expect(report.problems).toEqual([]);
    const row = await t.db.execute<{ person_id: string | null }>(
      sql`select person_id from enrollments where sourced_id = 'dl-e9'`,
    );
    expect(row.rows[0]?.person_id).toBe(teacher.id);
  });

  it("links a teacher the roster named before they had an account when they accept an invitation", async () => {
    const school = await newSchool();
    const teacherEmail = emailOf("later");
    const roster = sampleRoster({ school, teacherEmail: teacherEmail.toUpperCase(), prefix: "lt" });
    const report = await importBuffer(t.db, admin, oneRosterZip(roster));
    expect(report.counts).toMatchObject({ "teachers.unmatched": 1 });
    const invitation = await createInvitation(t.db, { orgId: org, invitedBy: admin.id, email: teacherEmail });
    const joined = await acceptInvitation(
      t.db,
      { token: invitation.token },
      null,
      { name: "Tess Later", password: "a long enough password" },
      null,
    );
    const enrollment = await t.db.execute<{ person_id: string | null; teacher_email: string }>(
      sql`select person_id, teacher_email from enrollments where sourced_id = 'lt-e1'`,
    );
    expect(enrollment.rows[0]).toEqual({ person_id: joined.personId, teacher_email: "" });
    const staff = await t.db.execute<{ person_id: string | null }>(
      sql`select person_id from roster_staff where org_id = ${org} and sourced_id = 'lt-t'`,
    );
    expect(staff.rows[0]?.person_id).toBe(joined.personId);
  });
});
