import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { RosterImportKind } from "../../../shared/schemas/student-enums.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { PUBLIC_URL } from "../../test/app.ts";
import { multipart } from "../artifacts/test-files.ts";
import { importRoster } from "./service.ts";

/** Imports a zip held in memory through the service, as the route does with an upload. */
export async function importBuffer(db: Db, actor: Actor, buffer: Buffer, kind: RosterImportKind = "bulk") {
  const dir = await mkdtemp(join(tmpdir(), "roster-"));
  const path = join(dir, "roster.zip");
  await writeFile(path, buffer);
  try {
    return await importRoster(
      { db, actor, ip: null, publicUrl: "http://localhost" },
      { path, size: buffer.length, fileName: "roster.zip", kind },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** How many roster rows the district has, per table: "nothing was written" is these staying the same. */
export async function rosterCounts(db: Db, orgId: string) {
  const r = await db.execute<Record<string, number>>(sql`select
    (select count(*)::int from academic_sessions where org_id = ${orgId}) as sessions,
    (select count(*)::int from courses where org_id = ${orgId}) as courses,
    (select count(*)::int from classes where org_id = ${orgId}) as classes,
    (select count(*)::int from students where org_id = ${orgId}) as students,
    (select count(*)::int from student_identities where org_id = ${orgId}) as identities,
    (select count(*)::int from enrollments where org_id = ${orgId}) as enrollments`);
  return r.rows[0];
}

/** Posts a roster zip as the browser does (multipart, the page's origin), as the holder of `cookie`. */
export async function postRoster(
  app: FastifyInstance,
  cookie: string,
  zip: Buffer,
  kind = "bulk",
  headers: Record<string, string> = {},
) {
  const { body, contentType } = multipart([
    { name: "kind", content: kind },
    { name: "file", filename: "riverside.zip", content: zip, type: "application/zip" },
  ]);
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/roster-imports",
    payload: body,
    headers: { ...(cookie ? { cookie } : {}), origin: PUBLIC_URL, "content-type": contentType, ...headers },
  });
  return {
    status: response.statusCode,
    body: response.body ? response.json() : null,
    headers: response.headers,
  };
}
