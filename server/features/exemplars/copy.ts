import { sql } from "drizzle-orm";
import type { ExemplarCopy } from "../../../shared/schemas/exemplars.ts";
import { forbidden, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { loadArtifactAccess } from "../artifacts/access.ts";
import { recordAudit } from "../audit/record.ts";
import { queryExemplars } from "./load.ts";
import { canBrowseLibrary } from "./policy.ts";

type FileRow = {
  position: number;
  name: string;
  link_url: string | null;
  storage_key: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  preview_key: string | null;
  preview_status: string;
};

/**
 * "Take it back to my classroom": copies the approved version into the caller's own work. The copy's
 * files point at the same stored objects (storage keys), so nothing is duplicated on disk.
 * Runs in the caller's transaction (sendCreated).
 */
export async function copyExemplar(ctx: ServiceContext, exemplarId: string): Promise<ExemplarCopy> {
  const { actor, db } = ctx;
  const [row] = await queryExemplars(db, actor.orgId, sql`e.id = ${exemplarId} and e.status = 'approved'`);
  if (!row) throw notFound("This exemplar");
  await loadArtifactAccess(db, actor, row.artifact_id);
  if (!canBrowseLibrary(actor))
    throw forbidden("Copying exemplars into your own work is for the district's educators and leaders.");
  const attribution = await attributionOf(ctx, row.artifact_id, row.title, row.owner_name);
  const id = newId();
  await db.execute(sql`
    insert into artifacts (id, org_id, community_id, owner_id, title, kind, description, focusing_question,
      subjects, grade_bands, standards, topics, rubric_criteria, contains_student_work, privacy_attestation,
      attested_by, attested_at, current_version, copied_from_id, attribution)
    select ${id}, org_id, null, ${actor.id}, title, kind, description, focusing_question,
      subjects, grade_bands, standards, topics, rubric_criteria, contains_student_work, privacy_attestation,
      attested_by, attested_at, 1, id, ${attribution}
    from artifacts where id = ${row.artifact_id}`);
  const versionId = newId();
  await db.execute(sql`
    insert into artifact_versions (id, org_id, artifact_id, number, created_by)
    values (${versionId}, ${actor.orgId}, ${id}, 1, ${actor.id})`);
  const files = await db.execute<FileRow>(sql`
    select f.position, f.name, f.link_url, f.storage_key, f.media_type, f.size_bytes, f.sha256,
      f.preview_key, f.preview_status
    from artifact_files f join artifact_versions v on v.id = f.version_id
    where v.artifact_id = ${row.artifact_id} and v.number = ${row.version_number}
    order by f.position`);
  for (const f of files.rows) {
    await db.execute(sql`
      insert into artifact_files (id, org_id, artifact_id, version_id, position, name, link_url, storage_key,
        media_type, size_bytes, sha256, preview_key, preview_status)
      values (${newId()}, ${actor.orgId}, ${id}, ${versionId}, ${f.position}, ${f.name}, ${f.link_url},
        ${f.storage_key}, ${f.media_type}, ${f.size_bytes}, ${f.sha256}, ${f.preview_key}, ${f.preview_status})`);
  }
  await recordAudit(db, {
    orgId: actor.orgId,
    actorId: actor.id,
    action: "exemplar.copied",
    subjectType: "artifact",
    subjectId: id,
    details: { title: row.title, exemplarId, copiedFromId: row.artifact_id, files: files.rows.length },
    ip: ctx.ip,
  });
  return { artifactId: id, title: row.title, attribution, copiedFromId: row.artifact_id };
}

/** "Adapted from “Ratio quiz” by Samuel Ortiz (Grade 7 Math Team, Riverside Middle)". */
async function attributionOf(ctx: ServiceContext, artifactId: string, title: string, owner: string) {
  const result = await ctx.db.execute<{ community: string | null; schools: string | null }>(sql`
    select c.name as community,
      (select string_agg(s.name, ', ' order by s.name) from community_schools cs
        join schools s on s.id = cs.school_id where cs.community_id = c.id) as schools
    from artifacts a left join communities c on c.id = a.community_id
    where a.id = ${artifactId}`);
  const where = [result.rows[0]?.community, result.rows[0]?.schools].filter(Boolean).join(", ");
  return `Adapted from “${title}” by ${owner}${where ? ` (${where})` : ""}`;
}
