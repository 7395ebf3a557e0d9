import { eq, sql } from "drizzle-orm";
import type { ArtifactKind } from "../../shared/schemas/work-enums.ts";
import type { Db } from "../db/client.ts";
import { agendaItems, artifacts, artifactVersions, communities } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import { unique } from "./factories.ts";

export type NewArtifact = {
  orgId: string;
  communityId: string | null;
  ownerId: string;
  title?: string;
  kind?: ArtifactKind;
  focusingQuestion?: string;
  rubricCriteria?: string[];
  containsStudentWork?: boolean;
  archived?: boolean;
  currentVersion?: number;
};

/**
 * An artifact written straight into its tables (with its versions up to `currentVersion`), for tests that
 * need work samples without going through the upload route.
 */
export async function createArtifact(db: Db, a: NewArtifact): Promise<{ id: string; title: string }> {
  const id = newId();
  const title = a.title ?? unique("Ratio quiz");
  const currentVersion = a.currentVersion ?? 1;
  await db.transaction(async (tx) => {
    await tx.insert(artifacts).values({
      id,
      orgId: a.orgId,
      communityId: a.communityId,
      ownerId: a.ownerId,
      title,
      kind: a.kind ?? "assessment",
      focusingQuestion: a.focusingQuestion ?? "What am I really trying to assess?",
      rubricCriteria: a.rubricCriteria ?? [],
      containsStudentWork: a.containsStudentWork ?? false,
      privacyAttestation: a.containsStudentWork ? "identifiers_removed" : null,
      attestedBy: a.containsStudentWork ? a.ownerId : null,
      attestedAt: a.containsStudentWork ? sql`now()` : null,
      currentVersion,
      archivedAt: a.archived ? sql`now()` : null,
    });
    for (let number = 1; number <= currentVersion; number++) {
      await tx
        .insert(artifactVersions)
        .values({ id: newId(), orgId: a.orgId, artifactId: id, number, createdBy: a.ownerId });
    }
  });
  return { id, title };
}

/** Turns a community's "anonymous feedback allowed" setting on or off. */
export async function allowAnonymousFeedback(db: Db, communityId: string, allowed = true) {
  await db.update(communities).set({ anonymousFeedback: allowed }).where(eq(communities.id, communityId));
}

/** Links an agenda item (a protocol run) to the artifact it presents. */
export async function presentOnAgendaItem(db: Db, agendaItemId: string, artifactId: string) {
  await db.update(agendaItems).set({ artifactId }).where(eq(agendaItems.id, agendaItemId));
}
