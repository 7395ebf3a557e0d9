import { asc, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Executor } from "../db/client.ts";
import { meetingNotes, meetingNoteUpdates } from "../db/schema/index.ts";

/**
 * The shared notes of a meeting, as stored: a compacted Yjs state (meeting_notes) plus the updates
 * appended since (meeting_note_updates). Every update is written the moment it arrives, so a crash
 * loses nothing; compaction folds them into the state.
 */

/** The name of the Y.Text holding the notes; the browser editor binds to the same one. */
export const NOTES_TEXT = "notes";

/**
 * Applies the stored state and every pending update to `doc`. One statement, so it reads one snapshot
 * even while another process compacts (state written and updates deleted in one transaction).
 */
export async function loadNotesInto(
  db: Executor,
  meetingId: string,
  doc: Y.Doc,
  origin: unknown = null,
): Promise<void> {
  const result = await db.execute<{ state: Buffer | null; updates: Buffer[] }>(sql`
    select (select state from meeting_notes where meeting_id = ${meetingId}) as state,
      array(select u.update from meeting_note_updates u where u.meeting_id = ${meetingId} order by u.id)
        as updates`);
  const row = result.rows[0];
  Y.transact(
    doc,
    () => {
      if (row?.state) Y.applyUpdate(doc, row.state);
      for (const update of row?.updates ?? []) Y.applyUpdate(doc, update);
    },
    origin,
  );
}

/** The plain text of a meeting's shared notes ("" when nobody wrote any). For the minutes. */
export async function readNotesText(db: Executor, meetingId: string): Promise<string> {
  const doc = new Y.Doc();
  try {
    await loadNotesInto(db, meetingId, doc);
    return doc.getText(NOTES_TEXT).toString();
  } finally {
    doc.destroy();
  }
}

/** Appends one update as it arrives. */
export async function appendNoteUpdate(
  db: Executor,
  meeting: { id: string; orgId: string },
  update: Uint8Array,
): Promise<void> {
  await db.insert(meetingNoteUpdates).values({ orgId: meeting.orgId, meetingId: meeting.id, update });
}

/**
 * Folds every pending update into the stored state, in one transaction: the updates are read under a
 * lock and applied to `doc` (which may already hold them; Yjs ignores repeats), the merged state is
 * written, and exactly the updates read are deleted. Updates written meanwhile by another process
 * stay pending for the next compaction, so none is lost.
 */
export async function compactNotes(
  db: Executor,
  meeting: { id: string; orgId: string },
  doc: Y.Doc,
  origin: unknown,
): Promise<void> {
  await db.transaction(async (tx) => {
    const pending = await tx
      .select({ id: meetingNoteUpdates.id, update: meetingNoteUpdates.update })
      .from(meetingNoteUpdates)
      .where(eq(meetingNoteUpdates.meetingId, meeting.id))
      .orderBy(asc(meetingNoteUpdates.id))
      .for("update");
    if (pending.length === 0) return;
    Y.transact(
      doc,
      () => {
        for (const row of pending) Y.applyUpdate(doc, row.update);
      },
      origin,
    );
    const state = Y.encodeStateAsUpdate(doc);
    await tx
      .insert(meetingNotes)
      .values({ meetingId: meeting.id, orgId: meeting.orgId, state })
      .onConflictDoUpdate({ target: meetingNotes.meetingId, set: { state, updatedAt: sql`now()` } });
    await tx.delete(meetingNoteUpdates).where(
      inArray(
        meetingNoteUpdates.id,
        pending.map((row) => row.id),
      ),
    );
  });
}
