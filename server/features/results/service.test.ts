import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { assessmentResults, people } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { cloneDatabase } from "../../test/database.ts";
import { orgId as orgIdOf } from "../../test/factories.ts";
import { createStudent } from "../../test/student-factories.ts";
import { createAssessment, deleteImport, importFile, listImports, readAssessment } from "./service.ts";

let db: Db;
let drop: () => Promise<void>;
let communityId: string;

async function as(email: string): Promise<ServiceContext & { db: Db }> {
  const [p] = await db.select().from(people).where(eq(people.email, email));
  if (!p) throw new Error(email);
  const schools = await db.execute<{ school_id: string }>(
    sql`select school_id from person_schools where person_id = ${p.id}`,
  );
  const actor: Actor = {
    id: p.id,
    orgId: p.orgId,
    orgRole: p.orgRole,
    name: p.name,
    email: p.email,
    schoolIds: schools.rows.map((r) => r.school_id),
  };
  return { db, actor, ip: null, publicUrl: "http://localhost:3000" };
}

beforeAll(async () => {
  ({ db, drop } = await cloneDatabase());
  const [c] = await db
    .execute<{ id: string }>(sql`select id from communities where name = 'Grade 7 Math Team'`)
    .then((r) => r.rows);
  communityId = c?.id ?? "";
  const orgId = await orgIdOf(db, "riverside");
  await createStudent(db, { orgId, identifier: "7001" });
});
afterAll(() => drop());

const body = () => ({
  title: "Ratios CFA",
  communityId,
  givenOn: "2026-03-12",
  masteryPercent: 75,
  items: [
    { label: "Q1", maxPoints: 2, standard: "7.RP.A.1" },
    { label: "Q2", kind: "choice", maxPoints: 1, answerKey: "B", standard: "7.RP.A.2" },
  ],
});

describe("assessments and imports through the service", () => {
  it("the facilitator creates an assessment, imports, lists and deletes the import (its rows go)", async () => {
    const coach = await as("coach@riverside.example");
    const a = await createAssessment(coach, body());
    expect(a).toMatchObject({ title: "Ratios CFA", communityName: "Grade 7 Math Team", masteryPercent: 75 });
    expect(a.items.map((i) => [i.label, i.kind, i.answerKey])).toEqual([
      ["Q1", "points", ""],
      ["Q2", "choice", "B"],
    ]);
    const report = await importFile(
      coach,
      a.id,
      {
        shape: "wide",
        mapping: { shape: "wide", student: "ID", items: { Q1: "Q1", Q2: "Q2" } },
        mode: "all_or_nothing",
      },
      { name: "r.csv", stream: Readable.from([Buffer.from("ID,Q1,Q2\n7001,2,b\n")]), limitBytes: 10_000 },
    );
    expect(report).toMatchObject({ status: "completed", rowsImported: 2 });
    expect((await listImports(coach, a.id)).items.map((i) => i.id)).toEqual([report.id]);
    await deleteImport(coach, report.id);
    expect(await db.select().from(assessmentResults).where(eq(assessmentResults.assessmentId, a.id))).toEqual(
      [],
    );
  });

  it("an educator who does not facilitate and a partner may not create, and see no assessment (404)", async () => {
    const coach = await as("coach@riverside.example");
    const a = await createAssessment(coach, body());
    for (const who of ["teacher6@riverside.example", "parent@riverside.example"]) {
      const ctx = await as(who);
      await expect(createAssessment(ctx, body())).rejects.toMatchObject({ status: 403 });
      await expect(readAssessment(ctx, a.id)).rejects.toMatchObject({ status: 404 });
    }
    await expect(readAssessment(await as("admin@lakeside.example"), a.id)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("names the field of a bad assessment", async () => {
    const coach = await as("coach@riverside.example");
    await expect(createAssessment(coach, { ...body(), items: [] })).rejects.toMatchObject({
      status: 400,
      errors: [{ path: "items", message: "Add at least one item." }],
    });
  });
});
