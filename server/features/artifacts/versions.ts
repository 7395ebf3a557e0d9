import { and, eq, sql } from "drizzle-orm";
import { versionInputSchema } from "../../../shared/schemas/artifacts.ts";
import { artifactFiles, artifacts, artifactVersions } from "../../db/schema/index.ts";
import { forbidden, invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { loadArtifactAccess } from "./access.ts";
import { presentArtifact } from "./load.ts";
import { canEditArtifact } from "./policy.ts";
import { audit, fileRows, parseInput } from "./service.ts";
import type { Received } from "./upload.ts";

/** 404 unless the actor sees the artifact, 403 unless it is theirs to revise. */
export async function checkMayVersion(ctx: ServiceContext, id: string, forUpdate = false) {
  const loaded = await loadArtifactAccess(ctx.db, ctx.actor, id, forUpdate);
  if (!canEditArtifact(loaded.access))
    throw forbidden("Only the person who shared this work can add a version.");
  return loaded;
}

/**
 * A new version after feedback: a note of what changed, the chosen files of the current version kept (new
 * rows pointing at the same stored objects, so every version's files stay downloadable), new files added.
 */
export async function createVersion(ctx: ServiceContext, id: string, data: unknown, files: Received[]) {
  const { head, access } = await checkMayVersion(ctx, id, true);
  const input = parseInput(versionInputSchema, data);
  const current = await ctx.db
    .select()
    .from(artifactFiles)
    .innerJoin(artifactVersions, eq(artifactVersions.id, artifactFiles.versionId))
    .where(and(eq(artifactFiles.artifactId, id), eq(artifactVersions.number, head.current_version)))
    .orderBy(artifactFiles.position);
  const currentIds = new Set(current.map((row) => row.artifact_files.id));
  const unknown = input.keepFileIds.find((fileId) => !currentIds.has(fileId));
  if (unknown) throw invalid("keepFileIds", "Keep only files of the current version.");
  const kept = current.filter((row) => input.keepFileIds.includes(row.artifact_files.id));
  if (kept.length + files.length + input.links.length === 0)
    throw invalid("files", "Keep a file, or add a file or link: a version needs at least one.");

  const number = head.current_version + 1;
  const versionId = newId();
  await ctx.db.insert(artifactVersions).values({
    id: versionId,
    orgId: ctx.actor.orgId,
    artifactId: id,
    number,
    note: input.note,
    createdBy: ctx.actor.id,
  });
  const keptRows = kept.map(({ artifact_files: f }, position) => ({
    ...f,
    id: newId(),
    versionId,
    position,
    createdAt: undefined,
  }));
  const rows = [...keptRows, ...fileRows(ctx, id, versionId, files, input.links, kept.length)];
  await ctx.db.insert(artifactFiles).values(rows);
  await ctx.db
    .update(artifacts)
    .set({ currentVersion: number, updatedAt: sql`now()` })
    .where(eq(artifacts.id, id));
  await audit(ctx, "artifact.versioned", id, { title: head.title, version: number });
  return presentArtifact(ctx.db, access, id);
}
