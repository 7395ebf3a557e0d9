import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type Artifact,
  type ArtifactUpdate,
  artifactInputSchema,
  type LinkInput,
  type ReflectionInput,
} from "../../../shared/schemas/artifacts.ts";
import type { ArtifactKind } from "../../../shared/schemas/work-enums.ts";
import type { Executor } from "../../db/client.ts";
import { artifactFiles, artifacts, artifactVersions } from "../../db/schema/index.ts";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { loadCommunity } from "../communities/load.ts";
import { canRead } from "../communities/policy.ts";
import { loadArtifactAccess } from "./access.ts";
import { pageOfArtifacts, presentArtifact, readableByActor } from "./load.ts";
import { canArchiveArtifact, canCreateIn, canEditArtifact, seesStudentWork } from "./policy.ts";
import type { Received } from "./upload.ts";

/** Parses a multipart `data` part (no route schema can): a 400 naming each field, as routes answer. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const detail = `${errors.length === 1 ? "One value needs" : `${errors.length} values need`} fixing.`;
  throw new AppError(400, "validation", "Please check the highlighted fields", detail, errors);
}

const PREVIEWABLE = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"]);

/** Rows for a version's new files and links, after `position`. */
export function fileRows(
  ctx: ServiceContext,
  artifactId: string,
  versionId: string,
  files: Received[],
  links: LinkInput[],
  position = 0,
) {
  const base = { orgId: ctx.actor.orgId, artifactId, versionId };
  return [
    ...files.map((f, i) => ({
      ...base,
      id: newId(),
      position: position + i,
      name: f.name,
      storageKey: f.key,
      mediaType: f.mediaType,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      previewStatus: PREVIEWABLE.has(f.mediaType) ? ("pending" as const) : ("none" as const),
    })),
    ...links.map((l, i) => ({
      ...base,
      id: newId(),
      position: position + files.length + i,
      name: l.name || new URL(l.url).hostname,
      linkUrl: l.url,
    })),
  ];
}

/** 404 unless the actor sees the community, 403 unless they may share work in it. */
export async function checkMayShare(ctx: ServiceContext, communityId: string) {
  const loaded = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canRead(loaded.access)) throw notFound("This community");
  if (!canCreateIn(loaded.access))
    throw forbidden("Only the community's members and facilitators can share work here.");
}

/** Shares work in a community; the files are already stored, the rows go in with the caller's transaction. */
export async function createArtifact(
  ctx: ServiceContext,
  communityId: string,
  data: unknown,
  files: Received[],
) {
  await checkMayShare(ctx, communityId);
  const input = parseInput(artifactInputSchema, data);
  if (files.length + input.links.length === 0) throw invalid("files", "Add at least one file or link.");
  const id = newId();
  const versionId = newId();
  const { links, ...fields } = input;
  await ctx.db.insert(artifacts).values({
    ...fields,
    id,
    orgId: ctx.actor.orgId,
    communityId,
    ownerId: ctx.actor.id,
    privacyAttestation: input.containsStudentWork ? input.privacyAttestation : null,
    attestedBy: input.containsStudentWork ? ctx.actor.id : null,
    attestedAt: input.containsStudentWork ? sql`now()` : null,
  });
  await ctx.db
    .insert(artifactVersions)
    .values({ id: versionId, orgId: ctx.actor.orgId, artifactId: id, number: 1, createdBy: ctx.actor.id });
  const rows = fileRows(ctx, id, versionId, files, links);
  if (rows.length) await ctx.db.insert(artifactFiles).values(rows);
  await audit(ctx, "artifact.created", id, { title: input.title, files: files.length, links: links.length });
  return readArtifact(ctx, id);
}

export async function readArtifact(ctx: ServiceContext, id: string): Promise<Artifact> {
  const { access } = await loadArtifactAccess(ctx.db, ctx.actor, id);
  return presentArtifact(ctx.db, access, id);
}

/** Editing the description and tags: the presenter's own. */
export async function updateArtifact(ctx: ServiceContext, id: string, input: ArtifactUpdate) {
  const { access } = await loadArtifactAccess(ctx.db, ctx.actor, id, true);
  if (!canEditArtifact(access)) throw forbidden("Only the person who shared this work can change it.");
  await ctx.db
    .update(artifacts)
    .set({ ...input, updatedAt: sql`now()` })
    .where(eq(artifacts.id, id));
  return presentArtifact(ctx.db, access, id);
}

/** Archive or restore: the owner, or the community's facilitators and leaders. */
export async function setArchived(ctx: ServiceContext, id: string, archived: boolean) {
  const { head, access } = await loadArtifactAccess(ctx.db, ctx.actor, id, true);
  if (!canArchiveArtifact(access))
    throw forbidden("Only the person who shared this work and the community's facilitators can archive it.");
  if (head.archived !== archived) {
    await ctx.db
      .update(artifacts)
      .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(artifacts.id, id));
    await audit(ctx, archived ? "artifact.archived" : "artifact.restored", id, { title: head.title });
  }
  const after = await loadArtifactAccess(ctx.db, ctx.actor, id);
  return presentArtifact(ctx.db, after.access, id);
}

/** The presenter's reflection and next steps; saving over a newer one than the editor started from is a 409. */
export async function saveReflection(ctx: ServiceContext, id: string, input: ReflectionInput) {
  const { access } = await loadArtifactAccess(ctx.db, ctx.actor, id, true);
  if (!canEditArtifact(access))
    throw forbidden("Only the person who shared this work can write its reflection.");
  const [current] = await ctx.db
    .select({
      stale: sql<boolean>`${artifacts.reflectedAt} is not null and (${input.basedOn}::timestamptz is null or ${artifacts.reflectedAt} <> ${input.basedOn}::timestamptz)`,
    })
    .from(artifacts)
    .where(eq(artifacts.id, id));
  if (current?.stale)
    throw conflict(
      "The reflection was changed since you opened it (perhaps in another tab). Reload to see it, then save again.",
      "reflection",
    );
  await ctx.db
    .update(artifacts)
    .set({
      reflection: input.reflection,
      nextSteps: input.nextSteps,
      reflectedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(artifacts.id, id));
  return presentArtifact(ctx.db, access, id);
}

/** A community's work samples, newest first; partners never see student work. */
export async function listCommunityArtifacts(
  ctx: ServiceContext,
  communityId: string,
  query: { kind?: ArtifactKind | undefined; archived: boolean; cursor?: string | undefined; limit: number },
) {
  const loaded = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canRead(loaded.access)) throw notFound("This community");
  return pageOfArtifacts(
    ctx.db,
    sql`a.org_id = ${ctx.actor.orgId} and a.community_id = ${communityId}
      and a.archived_at is ${query.archived ? sql`not null` : sql`null`}
      ${query.kind ? sql`and a.kind = ${query.kind}` : sql``}
      ${seesStudentWork(loaded.access) ? sql`` : sql`and not a.contains_student_work`}`,
    query,
  );
}

/** "My work": what I shared (in communities I can still see) and my own copies. */
export async function listMyArtifacts(
  ctx: ServiceContext,
  query: { cursor?: string | undefined; limit: number },
) {
  return pageOfArtifacts(
    ctx.db,
    sql`a.org_id = ${ctx.actor.orgId} and a.owner_id = ${ctx.actor.id} and ${readableByActor(ctx.actor)}`,
    query,
  );
}

export async function audit(
  ctx: ServiceContext,
  action: "artifact.created" | "artifact.versioned" | "artifact.archived" | "artifact.restored",
  id: string,
  details: Record<string, unknown>,
) {
  await recordAudit(ctx.db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "artifact",
    subjectId: id,
    details,
    ip: ctx.ip,
  });
}

/** The stored file of an artifact the actor may read (404 for a link, or another artifact's file). */
export async function fileOf(db: Executor, ctx: ServiceContext, artifactId: string, fileId: string) {
  await loadArtifactAccess(db, ctx.actor, artifactId);
  const [file] = await db
    .select()
    .from(artifactFiles)
    .where(and(eq(artifactFiles.id, fileId), eq(artifactFiles.artifactId, artifactId)));
  if (!file?.storageKey || !file.mediaType) throw notFound("This file");
  return file;
}
