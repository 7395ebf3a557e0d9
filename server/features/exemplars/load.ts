import { type SQL, sql } from "drizzle-orm";
import type { Exemplar } from "../../../shared/schemas/exemplars.ts";
import type { ArtifactKind, ExemplarStatus } from "../../../shared/schemas/work-enums.ts";
import type { Executor } from "../../db/client.ts";

/** One exemplar row with its artifact, people and preview, as the queries below return it. */
export type ExemplarRow = {
  id: string;
  artifact_id: string;
  community_id: string | null;
  owner_id: string;
  status: ExemplarStatus;
  version_number: number;
  note: string;
  nominated_by: string;
  nominator_name: string;
  nominated_at: string;
  reviewed_by: string | null;
  reviewer_name: string | null;
  reviewed_at: string | null;
  review_note: string;
  shareable: boolean;
  title: string;
  kind: ArtifactKind;
  focusing_question: string;
  subjects: string[];
  grade_bands: string[];
  standards: string[];
  topics: string[];
  contains_student_work: boolean;
  community_name: string | null;
  owner_name: string;
  preview_file_id: string | null;
  /** The sort key of the list it came from (reviewed or nominated time), for the cursor. */
  sort_at: string;
};

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/**
 * Exemplars matching `where` (on e = exemplars, a = artifacts, c = communities), in the caller's
 * district. The preview is the nominated version's first file, when its thumbnail is ready.
 */
export async function queryExemplars(
  db: Executor,
  orgId: string,
  where: SQL,
  options: { orderBy?: SQL; limit?: number; forUpdate?: boolean } = {},
): Promise<ExemplarRow[]> {
  const sortAt = sql`coalesce(e.reviewed_at, e.created_at)`;
  const result = await db.execute<ExemplarRow>(sql`
    select e.id, e.artifact_id, a.community_id, a.owner_id, e.status, e.version_number, e.note,
      e.nominated_by, np.name as nominator_name, ${iso("e.created_at")} as nominated_at,
      e.reviewed_by, rp.name as reviewer_name, ${iso("e.reviewed_at")} as reviewed_at, e.review_note,
      e.shareable, a.title, a.kind, a.focusing_question, a.subjects, a.grade_bands, a.standards, a.topics,
      a.contains_student_work, c.name as community_name, op.name as owner_name,
      (select case when f.preview_status = 'ready' then f.id end
        from artifact_files f join artifact_versions v on v.id = f.version_id
        where v.artifact_id = a.id and v.number = e.version_number
        order by f.position limit 1) as preview_file_id,
      to_char(${sortAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_at
    from exemplars e
    join artifacts a on a.id = e.artifact_id
    left join communities c on c.id = a.community_id
    join people np on np.id = e.nominated_by
    join people op on op.id = a.owner_id
    left join people rp on rp.id = e.reviewed_by
    where e.org_id = ${orgId} and ${where}
    ${options.orderBy ? sql`order by ${options.orderBy}` : sql``}
    ${options.limit ? sql`limit ${options.limit}` : sql``}
    ${options.forUpdate ? sql`for update of e` : sql``}`);
  return result.rows;
}

/** Where a thumbnail is served (by the artifacts feature's file routes). */
export const previewPathOf = (artifactId: string, fileId: string) =>
  `/api/v1/artifacts/${artifactId}/files/${fileId}/preview`;

export function presentExemplar(r: ExemplarRow): Exemplar {
  return {
    id: r.id,
    artifactId: r.artifact_id,
    status: r.status,
    versionNumber: r.version_number,
    note: r.note,
    nominatedBy: { id: r.nominated_by, name: r.nominator_name },
    nominatedAt: r.nominated_at,
    reviewedBy: r.reviewed_by ? { id: r.reviewed_by, name: r.reviewer_name ?? "" } : null,
    reviewedAt: r.reviewed_at,
    reviewNote: r.review_note,
    shareable: r.shareable,
    title: r.title,
    kind: r.kind,
    focusingQuestion: r.focusing_question,
    subjects: r.subjects,
    gradeBands: r.grade_bands,
    standards: r.standards,
    topics: r.topics,
    containsStudentWork: r.contains_student_work,
    communityName: r.community_name,
    ownerName: r.owner_name,
    previewPath: r.preview_file_id ? previewPathOf(r.artifact_id, r.preview_file_id) : null,
  };
}
