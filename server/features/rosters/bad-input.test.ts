import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schools } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { newId } from "../../lib/ids.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createPerson, orgId, unique } from "../../test/factories.ts";
import { csv, oneRosterZip, type Roster, sampleRoster, zip } from "../../test/oneroster-zip.ts";
import { importBuffer, rosterCounts } from "./test-helpers.ts";

let t: TestApp;
let org: string;
let admin: Actor;
let school: string;

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
  school = unique("Bad School");
  await t.db.insert(schools).values({ id: newId(), orgId: org, name: school });
});
afterAll(() => t.close());

const good = (prefix: string) => sampleRoster({ school, teacherEmail: "t@x.example", prefix });
const change = (prefix: string, f: (r: Roster) => void) => {
  const r = good(prefix);
  f(r);
  return oneRosterZip(r);
};
const manifestOf = (files: Record<string, string>) =>
  csv(
    [
      { propertyName: "manifest.version", value: "1.0" },
      { propertyName: "oneroster.version", value: "1.1" },
      ...Object.entries(files).map(([f, v]) => ({ propertyName: `file.${f}`, value: v })),
    ],
    ["propertyName", "value"],
  );

describe("files that import although they look odd", () => {
  it("accepts a byte-order mark, CRLF line ends and Excel-style quoted fields", async () => {
    const r = good("odd");
    const users = r.users ?? [];
    (users[1] as Record<string, string>).familyName = 'Lopez "the second", Jr.';
    const header = Object.keys({
      sourcedId: 1,
      status: 1,
      dateLastModified: 1,
      orgSourcedIds: 1,
      role: 1,
      givenName: 1,
      familyName: 1,
      email: 1,
      identifier: 1,
      grades: 1,
    });
    const file = oneRosterZip({ ...r, users: undefined }, "bulk", {
      "users.csv": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(users, header, "\r\n"))]),
      "manifest.csv": manifestOf({
        orgs: "bulk",
        academicSessions: "bulk",
        courses: "bulk",
        classes: "bulk",
        users: "bulk",
        enrollments: "bulk",
      }),
    });
    const report = await importBuffer(t.db, admin, file);
    expect(report.problems).toEqual([]);
    const name = await t.db.execute<{ family_name: string }>(
      sql`select family_name from student_identities where sourced_id = 'odd-s1'`,
    );
    expect(name.rows[0]?.family_name).toBe('Lopez "the second", Jr.');
  });
});

describe("bad files: a clear report, nothing written", () => {
  const cases: [string, () => Buffer, { file: string; line?: number; field?: string; message: RegExp }][] = [
    [
      "a semicolon-delimited file",
      () =>
        oneRosterZip({ ...good("d"), users: undefined }, "bulk", {
          "users.csv": "sourcedId;status;role\nx;active;student\n",
          "manifest.csv": manifestOf({
            orgs: "bulk",
            academicSessions: "bulk",
            courses: "bulk",
            classes: "bulk",
            users: "bulk",
            enrollments: "bulk",
          }),
        }),
      { file: "users.csv", line: 1, message: /";".*commas/ },
    ],
    [
      "no manifest.csv",
      () => zip({ "users.csv": "sourcedId\n" }),
      { file: "manifest.csv", message: /missing/ },
    ],
    [
      "a file the manifest names but the zip lacks",
      () => zip({ "manifest.csv": manifestOf({ users: "bulk" }) }),
      { file: "users.csv", message: /not in the zip/ },
    ],
    [
      "a missing column",
      () =>
        zip({
          "manifest.csv": manifestOf({ academicSessions: "bulk" }),
          "academicSessions.csv": "sourcedId,title,type,startDate\na,Y,schoolYear,2026-08-01\n",
        }),
      { file: "academicSessions.csv", line: 1, field: "endDate", message: /missing/ },
    ],
    [
      "a bad date",
      () =>
        change("bd", (r) => {
          (r.academicSessions?.[0] as Record<string, string>).startDate = "08/15/2026";
        }),
      { file: "academicSessions.csv", line: 2, field: "startDate", message: /YYYY-MM-DD/ },
    ],
    [
      "an unknown school",
      () =>
        change("us", (r) => {
          (r.orgs?.[0] as Record<string, string>).name = "Nowhere High";
        }),
      {
        file: "orgs.csv",
        line: 2,
        field: "name",
        message: /No school "Nowhere High".*adds the school first/,
      },
    ],
    [
      "a duplicate sourcedId",
      () =>
        change("dup", (r) => {
          r.users?.push({ ...(r.users?.[1] ?? {}) });
        }),
      { file: "users.csv", line: 5, field: "sourcedId", message: /appears twice/ },
    ],
    [
      "an enrollment in a class that does not exist",
      () =>
        change("mc", (r) => {
          (r.enrollments?.[1] as Record<string, string>).classSourcedId = "no-such-class";
        }),
      {
        file: "enrollments.csv",
        line: 3,
        field: "classSourcedId",
        message: /"no-such-class" is not a class/,
      },
    ],
    [
      "a term whose school year is in neither the zip nor Lamplight",
      () =>
        change("pm", (r) => {
          r.academicSessions?.push({
            sourcedId: "pm-t1",
            status: "active",
            title: "Fall",
            type: "term",
            startDate: "2026-08-15",
            endDate: "2026-12-20",
            parentSourcedId: "no-such-year",
          });
        }),
      {
        file: "academicSessions.csv",
        line: 3,
        field: "parentSourcedId",
        message: /"no-such-year" is not an academic session/,
      },
    ],
    [
      "an unknown role",
      () =>
        change("ro", (r) => {
          (r.users?.[1] as Record<string, string>).role = "pupil";
        }),
      { file: "users.csv", line: 3, field: "role", message: /must be one of/ },
    ],
  ];
  it.each(cases)("%s", async (_label, build, expected) => {
    const before = await rosterCounts(t.db, org);
    const report = await importBuffer(t.db, admin, build());
    expect(report.status).toBe("failed");
    expect(report.problems).toContainEqual(
      expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) }),
    );
    expect(await rosterCounts(t.db, org)).toEqual(before);
  });

  it("refuses a file that is not a zip, naming the file field", async () => {
    await expect(importBuffer(t.db, admin, Buffer.from("sourcedId,name\n1,x\n"))).rejects.toMatchObject({
      status: 400,
      errors: [{ path: "file", message: expect.stringMatching(/not a zip/) }],
    });
  });

  it("refuses a zip bomb without unpacking it", async () => {
    const bomb = zip({
      "manifest.csv": manifestOf({ users: "bulk" }),
      "users.csv": Buffer.alloc(50 * 1024 * 1024),
    });
    await expect(importBuffer(t.db, admin, bomb)).rejects.toMatchObject({
      status: 400,
      errors: [{ path: "file", message: expect.stringMatching(/zip bomb/) }],
    });
  });

  it("lets only administrators import", async () => {
    const leader = await createPerson(t.db, { orgId: org, orgRole: "school_leader" });
    const actor: Actor = { ...admin, id: leader.id, orgRole: "school_leader" };
    await expect(importBuffer(t.db, actor, oneRosterZip(good("x")))).rejects.toMatchObject({ status: 403 });
  });
});
