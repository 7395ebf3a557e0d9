import { type SQL, sql } from "drizzle-orm";
import type { Artifact, ArtifactFile, ArtifactSummary } from "../../../shared/schemas/artifacts.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { invalid } from "../../http/errors.ts";
import type { ArtifactAccess } from "./policy.ts";
import { artifactCan } from "./policy.ts";

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

type SummaryRow = Omit<ArtifactSummary, "owner" | "thumbnailUrl"> & {
  owner_id: string;
  owner_name: string;
  thumbnail_file_id: string | null;
};

const summaryColumns = sql`
  a.id, a.community_id as "communityId", c.name as "communityName", a.owner_id, p.name as owner_name,
  a.title, a.kind, a.focusing_question as "focusingQuestion", a.contains_student_work as "containsStudentWork",
  a.current_version as "currentVersion", a.archived_at is not null as archived, a.attribution,
  ${iso("a.created_at")} as "createdAt", ${iso("a.updated_at")} as "updatedAt",
  (select count(*)::int from artifact_files f join artifact_versions v on v.id = f.version_id
    where f.artifact_id = a.id and v.number = a.current_version) as "fileCount",
  (select f.id from artifact_files f join artifact_versions v on v.id = f.version_id
    where f.artifact_id = a.id and v.number = a.current_version and f.preview_status = 'ready'
    order by f.position limit 1) as thumbnail_file_id`;

const fromArtifacts = sql`from artifacts a join people p on p.id = a.owner_id
  left join communities c on c.id = a.community_id`;

const presentSummary = ({
  owner_id,
  owner_name,
  thumbnail_file_id,
  ...row
}: SummaryRow): ArtifactSummary => ({
  ...row,
  owner: { id: owner_id, name: owner_name },
  thumbnailUrl: thumbnail_file_id ? `/api/v1/artifacts/${row.id}/files/${thumbnail_file_id}/preview` : null,
});

/** Newest first; the cursor is the last item's creation time and id. */
export async function pageOfArtifacts(
  db: Executor,
  where: SQL,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: ArtifactSummary[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const result = await db.execute<SummaryRow>(sql`
    select ${summaryColumns} ${fromArtifacts}
    where ${where}
    ${after ? sql`and (a.created_at, a.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
    order by a.created_at desc, a.id desc
    limit ${query.limit + 1}`);
  const rows = result.rows.slice(0, query.limit);
  const last = rows.at(-1);
  return {
    items: rows.map(presentSummary),
    nextCursor: result.rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString("base64url");
function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id))
    throw invalid("cursor", "This page link is not valid; start from the first page.");
  return { at, id };
}

/**
 * The communities whose artifacts the actor may read, as SQL over `a`/`c` (mirrors canRead and the
 * student-work rule of policy.ts), so "my work" filters in the query.
 */
export function readableByActor(actor: Actor): SQL {
  const partner = actor.orgRole === "partner";
  return sql`(a.community_id is null or (
    (exists (select 1 from memberships m where m.community_id = a.community_id and m.person_id = ${actor.id}
        and m.status = 'active')
      or ${actor.orgRole === "administrator"}
      or (${actor.orgRole === "school_leader"} and exists (select 1 from community_schools cs
        join person_schools ps on ps.school_id = cs.school_id
        where cs.community_id = a.community_id and ps.person_id = ${actor.id}))
      or (${!partner} and c.visibility = 'organization'))
    and not (a.contains_student_work and (${partner} or exists (select 1 from memberships m
      where m.community_id = a.community_id and m.person_id = ${actor.id} and m.status = 'active'
        and m.role = 'partner')))))`;
}

type DetailRow = SummaryRow & {
  description: string;
  subjects: string[];
  gradeBands: string[];
  standards: string[];
  topics: string[];
  rubricCriteria: string[];
  privacyAttestation: Artifact["privacyAttestation"];
  reflection: string;
  nextSteps: string;
  reflectedAt: string | null;
  copiedFromId: string | null;
};

type FileRow = {
  id: string;
  version_number: number;
  name: string;
  link_url: string | null;
  storage_key: string | null;
  media_type: string | null;
  size_bytes: number | null;
  preview_status: ArtifactFile["previewStatus"];
};

/** The whole artifact as its page shows it: metadata, every version with its files, and `can`. */
export async function presentArtifact(db: Executor, access: ArtifactAccess, id: string): Promise<Artifact> {
  // One after another: `db` may be a transaction's single connection, which runs one query at a time.
  const detail = await db.execute<DetailRow>(sql`
      select ${summaryColumns}, a.description, a.subjects, a.grade_bands as "gradeBands", a.standards,
        a.topics, a.rubric_criteria as "rubricCriteria", a.privacy_attestation as "privacyAttestation",
        a.reflection, a.next_steps as "nextSteps", ${iso("a.reflected_at")} as "reflectedAt",
        a.copied_from_id as "copiedFromId"
      ${fromArtifacts} where a.id = ${id}`);
  const versions = await db.execute<{
    number: number;
    note: string;
    createdAt: string;
    by_id: string;
    by_name: string;
  }>(sql`
      select v.number, v.note, ${iso("v.created_at")} as "createdAt", p.id as by_id, p.name as by_name
      from artifact_versions v join people p on p.id = v.created_by
      where v.artifact_id = ${id} order by v.number desc`);
  const files = await db.execute<FileRow>(sql`
      select f.id, v.number as version_number, f.name, f.link_url, f.storage_key, f.media_type, f.size_bytes,
        f.preview_status
      from artifact_files f join artifact_versions v on v.id = f.version_id
      where f.artifact_id = ${id} order by v.number, f.position`);
  const row = detail.rows[0];
  if (!row) throw new Error(`artifact ${id} vanished`);
  const fileOf = (f: FileRow) => presentFile(id, f);
  const { description, subjects, gradeBands, standards, topics, rubricCriteria } = row;
  return {
    ...presentSummary(row),
    description,
    subjects,
    gradeBands,
    standards,
    topics,
    rubricCriteria,
    privacyAttestation: row.privacyAttestation,
    reflection: row.reflection,
    nextSteps: row.nextSteps,
    reflectedAt: row.reflectedAt,
    copiedFromId: row.copiedFromId,
    files: files.rows.filter((f) => f.version_number === row.currentVersion).map(fileOf),
    versions: versions.rows.map((v) => ({
      number: v.number,
      note: v.note,
      createdAt: v.createdAt,
      createdBy: { id: v.by_id, name: v.by_name },
      files: files.rows.filter((f) => f.version_number === v.number).map(fileOf),
    })),
    can: artifactCan(access),
  };
}

function presentFile(artifactId: string, f: FileRow): ArtifactFile {
  const base = `/api/v1/artifacts/${artifactId}/files/${f.id}`;
  return {
    id: f.id,
    kind: f.link_url ? "link" : "file",
    name: f.name,
    url: f.link_url,
    mediaType: f.media_type,
    sizeBytes: f.size_bytes === null ? null : Number(f.size_bytes),
    downloadUrl: f.storage_key ? base : null,
    previewStatus: f.preview_status,
    previewUrl: f.preview_status === "ready" ? `${base}/preview` : null,
  };
}
