import { sql } from "drizzle-orm";
import type { ArtifactKind } from "../../../shared/schemas/work-enums.ts";
import type { Db } from "../../db/client.ts";
import { artifacts, exemplars, posts, threads } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

/** Work, exemplars and discussions written straight into a test's database (search only reads them). */

export type NewArtifact = {
  orgId: string;
  communityId: string | null;
  ownerId: string;
  title: string;
  kind?: ArtifactKind;
  description?: string;
  focusingQuestion?: string;
  subjects?: string[];
  gradeBands?: string[];
  standards?: string[];
  topics?: string[];
  containsStudentWork?: boolean;
  archived?: boolean;
  /** Approved as an exemplar (nominated and reviewed by the owner, which is enough for reading rules). */
  approved?: boolean;
};

export async function insertArtifact(db: Db, a: NewArtifact): Promise<string> {
  const id = newId();
  await db.insert(artifacts).values({
    id,
    orgId: a.orgId,
    communityId: a.communityId,
    ownerId: a.ownerId,
    title: a.title,
    kind: a.kind ?? "lesson",
    description: a.description ?? "",
    focusingQuestion: a.focusingQuestion ?? "",
    subjects: a.subjects ?? [],
    gradeBands: a.gradeBands ?? [],
    standards: a.standards ?? [],
    topics: a.topics ?? [],
    containsStudentWork: a.containsStudentWork ?? false,
    privacyAttestation: a.containsStudentWork ? "identifiers_removed" : null,
    archivedAt: a.archived ? sql`now()` : null,
  });
  if (a.approved) {
    await db.insert(exemplars).values({
      id: newId(),
      orgId: a.orgId,
      artifactId: id,
      versionNumber: 1,
      status: "approved",
      note: "Clear criteria.",
      nominatedBy: a.ownerId,
      reviewedBy: a.ownerId,
      reviewedAt: sql`now()`,
    });
  }
  return id;
}

/** A thread with its opening post, and any replies; returns the thread's and the posts' ids. */
export async function insertThread(
  db: Db,
  t: { orgId: string; communityId: string; authorId: string; title: string; bodies: string[] },
): Promise<{ threadId: string; postIds: string[] }> {
  const threadId = newId();
  await db.insert(threads).values({
    id: threadId,
    orgId: t.orgId,
    communityId: t.communityId,
    title: t.title,
    authorId: t.authorId,
    replyCount: Math.max(0, t.bodies.length - 1),
  });
  const postIds = t.bodies.map(() => newId());
  if (postIds.length) {
    await db.insert(posts).values(
      t.bodies.map((body, i) => ({
        id: postIds[i] ?? "",
        orgId: t.orgId,
        threadId,
        communityId: t.communityId,
        authorId: t.authorId,
        body,
        createdAt: new Date(Date.now() + i),
      })),
    );
  }
  return { threadId, postIds };
}
