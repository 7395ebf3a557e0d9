import { sql } from "drizzle-orm";
import type { ArtifactKind, ExemplarStatus, NotificationKind } from "../../shared/schemas/work-enums.ts";
import type { Db } from "../db/client.ts";
import { artifactFiles, artifacts, artifactVersions, exemplars, notifications } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import { unique } from "./factories.ts";

/**
 * Artifacts, exemplars and notifications written straight into a test's database, so the exemplar and
 * notification tests do not depend on the upload routes (built alongside). Files are rows only: their
 * storage keys name objects the tests never read.
 */

export type NewArtifact = {
  orgId: string;
  communityId: string | null;
  ownerId: string;
  title?: string;
  kind?: ArtifactKind;
  subjects?: string[];
  gradeBands?: string[];
  standards?: string[];
  topics?: string[];
  containsStudentWork?: boolean;
  /** Files of version 1: a storage key each (a preview is ready for the first when `preview`). */
  files?: { name: string; storageKey?: string; linkUrl?: string; preview?: boolean }[];
  /** Versions beyond the first (without files). */
  versions?: number;
  archived?: boolean;
};

export async function createArtifact(db: Db, a: NewArtifact): Promise<{ id: string; title: string }> {
  const id = newId();
  const title = a.title ?? unique("Artifact");
  const versions = a.versions ?? 1;
  await db.insert(artifacts).values({
    id,
    orgId: a.orgId,
    communityId: a.communityId,
    ownerId: a.ownerId,
    title,
    kind: a.kind ?? "assessment",
    description: "A fixture artifact.",
    focusingQuestion: "What am I really trying to assess?",
    subjects: a.subjects ?? [],
    gradeBands: a.gradeBands ?? [],
    standards: a.standards ?? [],
    topics: a.topics ?? [],
    containsStudentWork: a.containsStudentWork ?? false,
    privacyAttestation: a.containsStudentWork ? "identifiers_removed" : null,
    currentVersion: versions,
    archivedAt: a.archived ? sql`now()` : null,
  });
  for (let number = 1; number <= versions; number++) {
    const versionId = newId();
    await db.insert(artifactVersions).values({
      id: versionId,
      orgId: a.orgId,
      artifactId: id,
      number,
      createdBy: a.ownerId,
    });
    if (number !== 1 || !a.files?.length) continue;
    await db.insert(artifactFiles).values(
      a.files.map((f, position) => ({
        id: newId(),
        orgId: a.orgId,
        artifactId: id,
        versionId,
        position,
        name: f.name,
        linkUrl: f.linkUrl ?? null,
        storageKey: f.linkUrl ? null : (f.storageKey ?? `fixtures/${newId()}`),
        mediaType: f.linkUrl ? null : "application/pdf",
        sizeBytes: f.linkUrl ? null : 1234,
        previewKey: f.preview ? `fixtures/${newId()}.png` : null,
        previewStatus: f.preview ? ("ready" as const) : ("none" as const),
      })),
    );
  }
  return { id, title };
}

export type NewExemplar = {
  orgId: string;
  artifactId: string;
  nominatedBy: string;
  status?: ExemplarStatus;
  reviewedBy?: string;
  note?: string;
  versionNumber?: number;
};

export async function createExemplar(db: Db, e: NewExemplar): Promise<{ id: string; note: string }> {
  const id = newId();
  const note = e.note ?? unique("Why it is exemplary");
  const reviewed = e.status === "approved" || e.status === "declined";
  await db.insert(exemplars).values({
    id,
    orgId: e.orgId,
    artifactId: e.artifactId,
    versionNumber: e.versionNumber ?? 1,
    status: e.status ?? "nominated",
    note,
    nominatedBy: e.nominatedBy,
    reviewedBy: reviewed ? (e.reviewedBy ?? e.nominatedBy) : null,
    reviewedAt: reviewed ? sql`now()` : null,
  });
  return { id, note };
}

export async function createNotification(
  db: Db,
  n: { orgId: string; personId: string; kind?: NotificationKind; actorId?: string | null; read?: boolean },
): Promise<{ id: string; title: string }> {
  const id = newId();
  const title = unique("Notified work");
  await db.insert(notifications).values({
    id,
    orgId: n.orgId,
    personId: n.personId,
    kind: n.kind ?? "feedback",
    actorId: n.actorId ?? null,
    path: `/artifacts/${newId()}`,
    data: { title, feedbackKind: "warm" },
    readAt: n.read ? sql`now()` : null,
  });
  return { id, title };
}
