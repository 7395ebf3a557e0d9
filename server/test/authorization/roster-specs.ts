import { eq, sql } from "drizzle-orm";
import { rosterImports } from "../../db/schema/index.ts";
import { postRoster } from "../../features/rosters/test-helpers.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { oneRosterZip } from "../oneroster-zip.ts";
import { type Actor, ids, type Runnable, spec, type Target, t } from "./matrix.ts";

/*
 * Roster imports (features/rosters): a district's administrators only; everyone else 403 before anything
 * is received or looked up, whatever the id, so a 403 says nothing about another district.
 */

const adminsOnly = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  district       Y    F    F    F    F    F    F    F    Y    A`;
const itsAdmins = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  own            Y    F    F    F    F    F    F    F    H    A
  otherDistrict  H    F    F    F    F    F    F    F    Y    A
  nonexistent    H    F    F    F    F    F    F    F    H    A`;

type Fx = { title: string; importId: string };

/** A zip of one academic session, unique per call, so cells never see each other's rows. */
function upload(title: string) {
  const zip = oneRosterZip({
    academicSessions: [
      {
        sourcedId: `m-${newId()}`,
        status: "active",
        title,
        type: "schoolYear",
        startDate: "2026-08-15",
        endDate: "2027-06-15",
      },
    ],
  });
  return zip;
}

async function existing(target: Target): Promise<Fx & { secret: string }> {
  const title = unique("Matrix roster");
  const importId = newId();
  if (target !== "nonexistent") {
    const orgId = target === "otherDistrict" ? ids.lakeside : ids.riverside;
    const [person] = (
      await t.db.execute<{ id: string }>(sql`select id from people where org_id = ${orgId} limit 1`)
    ).rows;
    await t.db.insert(rosterImports).values({
      id: importId,
      orgId,
      kind: "bulk",
      status: "completed",
      fileName: title,
      fileSha256: "0",
      createdBy: person?.id as string,
    });
  }
  return { title, importId, secret: title };
}

export const rosterSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["POST /api/v1/roster-imports"],
    grid: adminsOnly,
    prepare: async () => {
      const title = unique("Matrix roster session");
      return { title, importId: "", secret: title };
    },
    call: (a: Actor, fx) => postRoster(t.app, a.client.cookie, upload(fx.title)),
    changed: async (fx) =>
      (await t.db.execute(sql`select 1 from academic_sessions where title = ${fx.title}`)).rows.length > 0,
  }),
  spec<Fx>({
    routes: ["GET /api/v1/roster-imports"],
    grid: adminsOnly,
    prepare: async () => ({ title: "", importId: "", secret: unique("Nothing") }),
    call: (a) => a.client.get("/api/v1/roster-imports"),
  }),
  spec<Fx>({
    routes: ["GET /api/v1/roster-imports/:id"],
    grid: itsAdmins,
    prepare: existing,
    call: (a, fx) => a.client.get(`/api/v1/roster-imports/${fx.importId}`),
    verify: async (outcome, response, fx) => {
      if (outcome === "Y") {
        const [row] = await t.db.select().from(rosterImports).where(eq(rosterImports.id, fx.importId));
        if (response.body.fileName !== row?.fileName) throw new Error("another import came back");
      }
    },
  }),
];
