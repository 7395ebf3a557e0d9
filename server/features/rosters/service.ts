import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { and, desc, eq } from "drizzle-orm";
import type { RosterImportKind } from "../../../shared/schemas/student-enums.ts";
import type { Db } from "../../db/client.ts";
import { rosterImports } from "../../db/schema/index.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { canManageRosters } from "../students/policy.ts";
import { Problems, readManifest } from "./read.ts";
import { validateRoster } from "./validate.ts";
import { writeRoster } from "./write.ts";
import { openRosterZip, RefusedRoster } from "./zip.ts";

/*
 * A OneRoster import: the zip is checked in full first (validate.ts); only a clean file is written, in
 * one transaction (write.ts). The import row is kept either way, with its problems or its counts, as the
 * district's history.
 */

export type RosterUpload = { path: string; size: number; fileName: string; kind: RosterImportKind };
export type RosterImportRow = typeof rosterImports.$inferSelect;

const requireAdmin = (ctx: ServiceContext) => {
  if (!canManageRosters(ctx.actor)) throw forbidden("Only district administrators import rosters.");
};

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function importRoster(ctx: ServiceContext, upload: RosterUpload): Promise<RosterImportRow> {
  requireAdmin(ctx);
  const zip = await openRosterZip(upload.path, upload.size).catch((error) => {
    throw error instanceof RefusedRoster ? invalid("file", error.message) : error;
  });
  try {
    const id = newId();
    const base = {
      id,
      orgId: ctx.actor.orgId,
      kind: upload.kind,
      fileName: upload.fileName.slice(0, 255),
      createdBy: ctx.actor.id,
    };
    const problems = new Problems();
    const plan = zip.has("manifest.csv")
      ? await validateRoster(
          ctx.db,
          ctx.actor.orgId,
          zip,
          await readManifest(await zip.open("manifest.csv"), problems),
          problems,
        )
      : null;
    if (!plan)
      problems.add("manifest.csv", 0, "", "is missing: a OneRoster zip names its files in manifest.csv.");
    for (const [file, mode] of plan?.files ?? [])
      if (mode !== upload.kind)
        problems.add(
          "manifest.csv",
          0,
          `file.${file}`,
          `says ${mode}, but this import was started as ${upload.kind}. Choose ${mode}, or export the file as ${upload.kind}.`,
        );
    if (plan && !plan.files.size && !problems.total)
      problems.add("manifest.csv", 0, "", "names no file to import (every file is absent).");
    const fileSha256 = await sha256(upload.path);
    if (!plan || problems.total) {
      const [row] = await ctx.db
        .insert(rosterImports)
        .values({
          ...base,
          fileSha256,
          status: "failed",
          problems: problems.list,
          counts: { problems: problems.total },
          finishedAt: new Date(),
        })
        .returning();
      return row as RosterImportRow;
    }
    // Inside a caller's transaction (the route's Idempotency-Key) this nests as a savepoint.
    return await (ctx.db as Db).transaction(async (tx) => {
      await tx.insert(rosterImports).values({ ...base, fileSha256 });
      const counts = await writeRoster(tx, ctx.actor.orgId, id, zip, plan);
      const [row] = await tx
        .update(rosterImports)
        .set({ status: "completed", counts, finishedAt: new Date() })
        .where(eq(rosterImports.id, id))
        .returning();
      await recordAudit(tx, {
        orgId: ctx.actor.orgId,
        actorId: ctx.actor.id,
        action: "roster.imported",
        subjectType: "roster_import",
        subjectId: id,
        details: { kind: upload.kind, fileName: base.fileName, counts },
        ip: ctx.ip,
      });
      return row as RosterImportRow;
    });
  } finally {
    zip.close();
  }
}

export async function listRosterImports(ctx: ServiceContext): Promise<RosterImportRow[]> {
  requireAdmin(ctx);
  return ctx.db
    .select()
    .from(rosterImports)
    .where(eq(rosterImports.orgId, ctx.actor.orgId))
    .orderBy(desc(rosterImports.createdAt))
    .limit(100);
}

export async function getRosterImport(ctx: ServiceContext, id: string): Promise<RosterImportRow> {
  requireAdmin(ctx);
  const [row] = await ctx.db
    .select()
    .from(rosterImports)
    .where(and(eq(rosterImports.id, id), eq(rosterImports.orgId, ctx.actor.orgId)));
  if (!row) throw notFound("This roster import");
  return row;
}
