import type { Readable } from "node:stream";
import { and, asc, eq, sql } from "drizzle-orm";
import type { ImportOptions } from "../../../shared/schemas/assessments.ts";
import { assessmentInputSchema } from "../../../shared/schemas/assessments.ts";
import type { Db } from "../../db/client.ts";
import { assessmentItems, assessments, communities, people, resultImports } from "../../db/schema/index.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../artifacts/service.ts";
import { recordAudit } from "../audit/record.ts";
import { type ImportReport, importResults } from "./import.ts";
import { canManageResults, canReadResults, type ResultsAccess } from "./policy.ts";

/*
 * Assessments and their imports, with the authorisation of policy.ts checked here for every action.
 * Another district's assessment, or one the actor may not read, is 404; one they may read but not manage
 * is 403 for the managers' actions. (Anything about one student follows features/students.)
 */

/** The actor's relation to a community (or to the district, for a district-wide assessment). */
export async function accessTo(
  ctx: ServiceContext,
  communityId: string | null,
): Promise<ResultsAccess | null> {
  if (communityId === null)
    return { actor: ctx.actor, communityId, communityRole: null, schoolIds: [], archived: false };
  const result = await ctx.db.execute<{
    role: ResultsAccess["communityRole"];
    school_ids: string[];
    archived: boolean;
    private: boolean;
  }>(sql`
    select (select m.role from memberships m where m.community_id = c.id and m.person_id = ${ctx.actor.id}
              and m.status = 'active') as role,
           array(select cs.school_id from community_schools cs where cs.community_id = c.id) as school_ids,
           c.archived_at is not null as archived, c.visibility = 'private' as private
      from communities c where c.id = ${communityId} and c.org_id = ${ctx.actor.orgId}`);
  const row = result.rows[0];
  if (!row) return null;
  const access: ResultsAccess = {
    actor: ctx.actor,
    communityId,
    communityRole: row.role,
    schoolIds: row.school_ids,
    archived: row.archived,
  };
  // A private community the actor cannot see is answered as if it did not exist.
  if (row.private && row.role === null && !canReadResults(access)) return null;
  return access;
}

export async function createAssessment(ctx: ServiceContext, body: unknown) {
  const input = parseInput(assessmentInputSchema, body);
  const access = await accessTo(ctx, input.communityId);
  if (!access) throw invalid("communityId", "Choose one of your district’s communities.");
  if (!canManageResults(access))
    throw forbidden(
      "Only administrators, the community’s school leaders and its facilitators may create assessments.",
    );
  const id = newId();
  await ctx.db.insert(assessments).values({
    id,
    orgId: ctx.actor.orgId,
    communityId: input.communityId,
    title: input.title,
    givenOn: input.givenOn,
    masteryPercent: input.masteryPercent,
    createdBy: ctx.actor.id,
  });
  await ctx.db.insert(assessmentItems).values(
    input.items.map((item, position) => ({
      id: newId(),
      orgId: ctx.actor.orgId,
      assessmentId: id,
      position,
      ...item,
    })),
  );
  await recordAudit(ctx.db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action: "assessment.created",
    subjectType: "assessment",
    subjectId: id,
    details: { title: input.title, items: input.items.length },
    ip: ctx.ip,
  });
  return readAssessment(ctx, id);
}

/**
 * An assessment with its items, when the actor may read it (404 otherwise); `manage` also requires that
 * they may manage it (403 when they may only read it).
 */
export async function loadAssessment(ctx: ServiceContext, id: string, need: "read" | "manage" = "manage") {
  const [row] = await ctx.db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), eq(assessments.orgId, ctx.actor.orgId)));
  const access = row ? await accessTo(ctx, row.communityId) : null;
  if (!row || !access || !canReadResults(access)) throw notFound("This assessment");
  const mayManage = canManageResults(access);
  if (need === "manage" && !mayManage)
    throw forbidden("Only administrators, the team’s school leaders and its facilitators may do this.");
  const items = await ctx.db
    .select()
    .from(assessmentItems)
    .where(eq(assessmentItems.assessmentId, id))
    .orderBy(asc(assessmentItems.position));
  return { row, items, mayManage };
}
const manageable = (ctx: ServiceContext, id: string) => loadAssessment(ctx, id, "manage");

/** How many students have results for the assessment. */
export async function studentsWithResults(ctx: ServiceContext, assessmentId: string): Promise<number> {
  const result = await ctx.db.execute<{ n: number }>(sql`
    select count(distinct student_id)::int as n from assessment_results
     where org_id = ${ctx.actor.orgId} and assessment_id = ${assessmentId}`);
  return result.rows[0]?.n ?? 0;
}

export async function readAssessment(ctx: ServiceContext, id: string) {
  const { row, items, mayManage } = await loadAssessment(ctx, id, "read");
  const [community] = row.communityId
    ? await ctx.db
        .select({ name: communities.name })
        .from(communities)
        .where(eq(communities.id, row.communityId))
    : [];
  return {
    id: row.id,
    title: row.title,
    communityId: row.communityId,
    communityName: community?.name ?? null,
    givenOn: row.givenOn,
    masteryPercent: row.masteryPercent,
    items: items.map((i) => ({
      id: i.id,
      label: i.label,
      kind: i.kind,
      standard: i.standard,
      maxPoints: i.maxPoints,
      answerKey: i.answerKey,
    })),
    studentsWithResults: await studentsWithResults(ctx, id),
    updatedAt: row.updatedAt.toISOString(),
    can: { edit: mayManage, import: mayManage },
  };
}

/** Refuses before the file is read when the actor may not import into this assessment (404). */
export async function checkMayImport(ctx: ServiceContext, assessmentId: string) {
  return (await manageable(ctx, assessmentId)).items;
}

export async function importFile(
  ctx: ServiceContext & { db: Db },
  assessmentId: string,
  options: ImportOptions,
  file: { name: string; stream: Readable; limitBytes: number },
): Promise<ImportReport> {
  const { items } = await manageable(ctx, assessmentId);
  if (options.mapping.shape !== options.shape)
    throw invalid("mapping.shape", "The mapping is for the other shape: map the columns again.");
  // Its own transaction: COPY needs its own connection.
  const report = await importResults(ctx.db.$client, {
    orgId: ctx.actor.orgId,
    assessmentId,
    personId: ctx.actor.id,
    items,
    mapping: options.mapping,
    mode: options.mode,
    fileName: file.name,
    file: file.stream,
    limitBytes: file.limitBytes,
  });
  await recordAudit(ctx.db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action: "results.imported",
    subjectType: "assessment",
    subjectId: assessmentId,
    details: {
      importId: report.id,
      fileName: file.name,
      status: report.status,
      rowsRead: report.rowsRead,
      rowsImported: report.rowsImported,
      problems: report.problems.length + report.moreProblems,
    },
    ip: ctx.ip,
  });
  return report;
}

export async function listImports(ctx: ServiceContext, assessmentId: string) {
  await manageable(ctx, assessmentId);
  const rows = await ctx.db
    .select({ r: resultImports, by: people.name })
    .from(resultImports)
    .leftJoin(people, eq(people.id, resultImports.createdBy))
    .where(and(eq(resultImports.assessmentId, assessmentId), eq(resultImports.orgId, ctx.actor.orgId)))
    .orderBy(sql`${resultImports.createdAt} desc`)
    .limit(500);
  return {
    items: rows.map(({ r, by }) => ({
      id: r.id,
      shape: r.shape,
      status: r.status,
      fileName: r.fileName,
      fileSha256: r.fileSha256,
      fileBytes: r.fileBytes,
      rowsRead: r.rowsRead,
      rowsImported: r.rowsImported,
      problems: r.problems,
      createdAt: r.createdAt.toISOString(),
      createdByName: by,
    })),
  };
}

/** Deleting an import removes every result it wrote (the foreign key cascades). */
export async function deleteImport(ctx: ServiceContext, importId: string): Promise<void> {
  const [row] = await ctx.db
    .select({
      assessmentId: resultImports.assessmentId,
      fileName: resultImports.fileName,
      rowsImported: resultImports.rowsImported,
    })
    .from(resultImports)
    .where(and(eq(resultImports.id, importId), eq(resultImports.orgId, ctx.actor.orgId)));
  if (!row) throw notFound("This import");
  await loadAssessment(ctx, row.assessmentId, "manage").catch((error: { status?: number }) => {
    throw error.status === 403 ? error : notFound("This import");
  });
  await ctx.db.transaction(async (tx) => {
    const removed = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from assessment_results where import_id = ${importId}`,
    );
    await tx.delete(resultImports).where(eq(resultImports.id, importId));
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "results.import_deleted",
      subjectType: "assessment",
      subjectId: row.assessmentId,
      details: { importId, fileName: row.fileName, resultsRemoved: removed.rows[0]?.n ?? 0 },
      ip: ctx.ip,
    });
    await tx
      .update(assessments)
      .set({ resultsChangedAt: sql`now()` })
      .where(eq(assessments.id, row.assessmentId));
  });
}
