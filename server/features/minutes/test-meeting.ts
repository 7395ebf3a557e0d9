import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { ContributionKind } from "../../../shared/protocols/definition.ts";
import type { Db } from "../../db/client.ts";
import {
  attendance,
  contributions,
  meetingNotes,
  meetingNoteUpdates,
  meetings,
} from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { createMeeting, createProtocol } from "../../test/meeting-factories.ts";
import { generateMinutes } from "./generate.ts";

/**
 * An ended tuning meeting of a community, written straight into the tables the live room fills
 * (contributions, attendance, shared notes), for the minutes and action-item tests.
 */
export type EndedMeeting = { id: string; itemIds: string[]; orgId: string; communityId: string };

type Card = {
  item?: number;
  step: number;
  kind: ContributionKind;
  body: string;
  by: string;
  anonymous?: boolean;
  retracted?: boolean;
};

export async function endedMeeting(
  db: Db,
  m: {
    orgId: string;
    communityId: string;
    presenterId: string;
    facilitatorId?: string;
    title?: string;
    startsAt?: Date;
    cards?: Card[];
    present?: string[];
    absent?: string[];
    notes?: string[];
    generate?: boolean;
  },
): Promise<EndedMeeting> {
  const startsAt = m.startsAt ?? new Date("2026-03-12T21:30:00Z");
  const { versionId } = await createProtocol(db, m.orgId);
  const meeting = await createMeeting(db, {
    orgId: m.orgId,
    communityId: m.communityId,
    title: m.title ?? "Tuning: proportional reasoning task",
    startsAt,
    status: "ended",
    items: [
      {
        title: "Tuning the ratio task",
        protocolVersionId: versionId,
        presenterId: m.presenterId,
        focusingQuestion: "Does the task push students past additive thinking?",
      },
      { kind: "discussion", title: "Next unit" },
    ],
    roles: m.facilitatorId ? [{ role: "facilitator", personId: m.facilitatorId }] : [],
  });
  await db
    .update(meetings)
    .set({ endedAt: new Date(startsAt.getTime() + 60 * 60_000) })
    .where(eq(meetings.id, meeting.id));
  for (const [n, card] of (m.cards ?? []).entries()) {
    await db.insert(contributions).values({
      id: newId(),
      orgId: m.orgId,
      meetingId: meeting.id,
      agendaItemId: meeting.itemIds[card.item ?? 0] ?? "",
      stepIndex: card.step,
      kind: card.kind,
      body: card.body,
      authorId: card.by,
      anonymous: card.anonymous ?? false,
      clientId: newId(),
      retractedAt: card.retracted ? new Date() : null,
      createdAt: new Date(startsAt.getTime() + 10 * 60_000 + n * 1000),
    });
  }
  for (const [present, ids] of [
    [true, m.present ?? []],
    [false, m.absent ?? []],
  ] as const) {
    for (const personId of ids)
      await db
        .insert(attendance)
        .values({ orgId: m.orgId, meetingId: meeting.id, personId, present, source: "joined" });
  }
  if (m.notes?.length) await writeNotes(db, m.orgId, meeting.id, m.notes);
  const ended = { id: meeting.id, itemIds: meeting.itemIds, orgId: m.orgId, communityId: m.communityId };
  if (m.generate !== false) await db.transaction((tx) => generateMinutes(tx, ended));
  return ended;
}

/** The first part as the compacted state, the rest as updates not folded in yet (as the room leaves them). */
export async function writeNotes(db: Db, orgId: string, meetingId: string, parts: string[]) {
  const doc = new Y.Doc();
  const text = doc.getText("notes");
  text.insert(0, parts[0] ?? "");
  await db.insert(meetingNotes).values({ meetingId, orgId, state: Y.encodeStateAsUpdate(doc) });
  for (const part of parts.slice(1)) {
    const before = Y.encodeStateVector(doc);
    text.insert(text.length, part);
    await db
      .insert(meetingNoteUpdates)
      .values({ orgId, meetingId, update: Y.encodeStateAsUpdate(doc, before) });
  }
  doc.destroy();
}
