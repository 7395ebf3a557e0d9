import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schools } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { newId } from "../../lib/ids.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createPerson, orgId, unique } from "../../test/factories.ts";
import { oneRosterZip, sampleRoster } from "../../test/oneroster-zip.ts";
import { importBuffer, rosterCounts } from "./test-helpers.ts";

let t: TestApp;
let org: string;
let admin: Actor;
let teacherEmail: string;

async function newSchool() {
  const name = unique("Roster School");
  await t.db.insert(schools).values({ id: newId(), orgId: org, name });
  return name;
}

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
  teacherEmail = (
    await createPerson(t.db, { orgId: org, email: `${unique("tess").replace(/\W+/g, "")}@riverside.example` })
  ).email;
});
afterAll(() => t.close());

describe("a clean OneRoster import", () => {
  it("matches the school by name, links the teacher by email, keeps names apart; again changes nothing", async () => {
    const school = await newSchool();
    const roster = sampleRoster({ school, teacherEmail: teacherEmail.toUpperCase(), prefix: "clean" });
    const first = await importBuffer(t.db, admin, oneRosterZip(roster));
    expect(first.problems).toEqual([]);
    expect(first.status).toBe("completed");
    expect(first.counts).toMatchObject({
      "schools.matched": 1,
      "academicSessions.created": 1,
      "courses.created": 1,
      "classes.created": 1,
      "students.created": 2,
      "enrollments.created": 3,
      "teachers.matched": 1,
      "teachers.unmatched": 0,
    });
    const [linked] = await t.db.select().from(schools).where(eq(schools.name, school));
    expect(linked?.rosterSourcedId).toBe("clean-org");
    const students = await t.db.execute<{ pseudonym: string; given_name: string; school_ids: string[] }>(
      sql`select s.pseudonym, i.given_name, s.school_ids from students s join student_identities i on i.student_id = s.id
        where i.sourced_id like 'clean-%' order by i.given_name`,
    );
    expect(students.rows.map((s) => s.given_name)).toEqual(["Ana", "Ben"]);
    for (const s of students.rows) {
      expect(s.pseudonym).toMatch(/^S-[2-9A-HJ-NP-Z]{6}$/);
      expect(s.school_ids).toEqual([linked?.id]);
    }
    const teacherRow = await t.db.execute<{ person_id: string | null }>(
      sql`select person_id from enrollments where sourced_id = 'clean-e1'`,
    );
    expect(teacherRow.rows[0]?.person_id).not.toBeNull();

    const before = await rosterCounts(t.db, org);
    const again = await importBuffer(t.db, admin, oneRosterZip(roster));
    expect(again.status).toBe("completed");
    const changed = Object.entries(again.counts).filter(
      ([k, n]) => /created|updated|deactivated/.test(k) && n > 0,
    );
    expect(changed).toEqual([]);
    expect(await rosterCounts(t.db, org)).toEqual(before);
  });
});
