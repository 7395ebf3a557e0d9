import type { Readable } from "node:stream";
import { and, asc, eq, sql } from "drizzle-orm";
import type { ImportOptions } from "../../../shared/schemas/assessments.ts";
import { assessmentInputSchema } from "../../../shared/schemas/assessments.ts";
import type { Db } from "../../db/client.ts";
import { assessmentItems, assessments, communities, resultImports } from "../../db/schema/index.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../artifacts/service.ts";
import { type ImportReport, importResults } from "./import.ts";
import { canManageResults, type ResultsAccess } from "./policy.ts";

/*
 * Assessments and their imports, with the authorisation of policy.ts checked here for every action.
 * Another district's assessment, or one the actor may not manage and cannot otherwise see, is 404.
 * (Reading results student by student waits for the student-access rule in features/students.)
 */

/** The actor's relation to a community (or to the district, for a district-wide assessment). */
async function accessTo(ctx: ServiceContext, communityId: string | null): Promise<ResultsAccess | null> {
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
  if (row.private && row.role === null && !canManageResults(access)) return null;
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
  return readAssessment(ctx, id);
}

/** An assessment the actor may manage, with its items; 404 otherwise. */
async function manageable(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), eq(assessments.orgId, ctx.actor.orgId)));
  const access = row ? await accessTo(ctx, row.communityId) : null;
  if (!row || !access || !canManageResults(access)) throw notFound("This assessment");
  const items = await ctx.db
    .select()
    .from(assessmentItems)
    .where(eq(assessmentItems.assessmentId, id))
    .orderBy(asc(assessmentItems.position));
  return { row, items };
}

export async function readAssessment(ctx: ServiceContext, id: string) {
  const { row, items } = await manageable(ctx, id);
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
  };
}

/** Streams a results file into the assessment (its own transaction: COPY needs its own connection). */
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
  return importResults(ctx.db.$client, {
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
}

export async function listImports(ctx: ServiceContext, assessmentId: string) {
  await manageable(ctx, assessmentId);
  const rows = await ctx.db
    .select()
    .from(resultImports)
    .where(and(eq(resultImports.assessmentId, assessmentId), eq(resultImports.orgId, ctx.actor.orgId)))
    .orderBy(sql`${resultImports.createdAt} desc`)
    .limit(500);
  return {
    items: rows.map((r) => ({
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
    })),
  };
}

/** Deleting an import removes every result it wrote (the foreign key cascades). */
export async function deleteImport(ctx: ServiceContext, importId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ assessmentId: resultImports.assessmentId })
    .from(resultImports)
    .where(and(eq(resultImports.id, importId), eq(resultImports.orgId, ctx.actor.orgId)));
  if (!row) throw notFound("This import");
  await manageable(ctx, row.assessmentId).catch(() => {
    throw notFound("This import");
  });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(resultImports).where(eq(resultImports.id, importId));
    await tx
      .update(assessments)
      .set({ resultsChangedAt: sql`now()` })
      .where(eq(assessments.id, row.assessmentId));
  });
}
