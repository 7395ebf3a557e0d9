import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../http/auth/plugin.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { bigRoster } from "../../test/big-roster.ts";
import { createPerson, orgId } from "../../test/factories.ts";
import { importBuffer } from "./test-helpers.ts";

/*
 * A district-sized roster: 10,000 students in 500 classes, five classes each — 50,000 student
 * enrollments plus 500 teacher enrollments — imported, then imported again (nothing changes). The time
 * is printed (2026-12-01, 2 shared cores: 4.1 s the first time, 1.8 s again).
 */

let t: TestApp;
let admin: Actor;
beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
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

describe("a district-sized roster", () => {
  it("imports 50,000 enrollments in batches, and re-imports them without a change", {
    timeout: 240_000,
  }, async () => {
    const zip = bigRoster(10_000, 500, 5);
    const started = performance.now();
    const first = await importBuffer(t.db, admin, zip);
    const firstMs = performance.now() - started;
    expect(first.problems).toEqual([]);
    expect(first.counts).toMatchObject({ "students.created": 10_000, "enrollments.created": 50_500 });
    const again = performance.now();
    const second = await importBuffer(t.db, admin, zip);
    const secondMs = performance.now() - again;
    expect(second.counts).toMatchObject({
      "students.updated": 0,
      "enrollments.created": 0,
      "enrollments.updated": 0,
    });
    const n = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from enrollments where org_id = ${admin.orgId}`,
    );
    expect(n.rows[0]?.n).toBe(50_500);
    console.log(
      `roster import: ${zip.length} bytes zipped; first ${Math.round(firstMs)} ms, again ${Math.round(secondMs)} ms`,
    );
  });
});
