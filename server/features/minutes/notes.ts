import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Executor } from "../../db/client.ts";
import { meetingNotes, meetingNoteUpdates } from "../../db/schema/index.ts";

/**
 * The shared notes of a meeting as plain text: the compacted Yjs state plus any updates not yet folded
 * into it (the room appends every update as it arrives). Kept here until the live room exports its own
 * reader; both read `doc.getText("notes")`.
 */
export async function readMeetingNotes(db: Executor, meetingId: string): Promise<string> {
  const [state] = await db
    .select({ state: meetingNotes.state })
    .from(meetingNotes)
    .where(eq(meetingNotes.meetingId, meetingId));
  const updates = await db
    .select({ update: meetingNoteUpdates.update })
    .from(meetingNoteUpdates)
    .where(eq(meetingNoteUpdates.meetingId, meetingId))
    .orderBy(asc(meetingNoteUpdates.id));
  if (!state && updates.length === 0) return "";
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state.state);
    for (const row of updates) Y.applyUpdate(doc, row.update);
    return doc.getText("notes").toString();
  } finally {
    doc.destroy();
  }
}
