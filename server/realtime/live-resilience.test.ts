import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendance, meetingNoteUpdates, meetings, minutes } from "../db/schema/index.ts";
import { cloneDatabase } from "../test/database.ts";
import {
  type CastRole,
  command,
  createLiveCast,
  joinRoom,
  type LiveCast,
  type LiveServer,
  startLiveServer,
} from "../test/live-client.ts";
import { attachNotes, notesBecome } from "../test/yjs-client.ts";
import { InProcessBus } from "./bus.ts";
import { readNotesText } from "./notes-store.ts";

let database: Awaited<ReturnType<typeof cloneDatabase>>;
let server: LiveServer;
let cast: LiveCast;
const join = (who: CastRole, on = server) => joinRoom(on.base, cast.meetingId, cast.cookies[who]);

beforeAll(async () => {
  database = await cloneDatabase();
  server = await startLiveServer({ database });
  cast = await createLiveCast(server.db);
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

describe("a live meeting survives", () => {
  it("a server restart: the room reopens from the database where it was, countdown included", async () => {
    const fran = await join("facilitator");
    await command(fran, "start", 0);
    const moved = await command(fran, "next", 1);
    if (!moved.ok) throw new Error(moved.problem.title);
    const mia = await join("member");
    await server.restart();
    expect((await fran.closed).code).toBe(1001);
    expect((await mia.closed).reason).toBe("The server is restarting.");
    const back = await join("member");
    const snapshot = await back.next("snapshot");
    expect(snapshot.state).toEqual(moved.state);
    const again = await join("facilitator");
    const next = await command(again, "next", moved.state.version);
    expect(next).toMatchObject({ ok: true, state: { stepIndex: 2 } });
    await back.close();
    await again.close();
  });

  it("notes typed by two people at once merge, are stored as typed, and read back after a restart", async () => {
    const mia = await join("member");
    const noah = await join("member2");
    const miaDoc = attachNotes(mia);
    const noahDoc = attachNotes(noah);
    miaDoc.getText("notes").insert(0, "Mia: the rubric is clear. ");
    noahDoc.getText("notes").insert(0, "Noah: try exit tickets. ");
    const both = (text: string) =>
      text.includes("Mia: the rubric is clear.") && text.includes("Noah: try exit tickets.");
    await notesBecome(miaDoc, both);
    await notesBecome(noahDoc, both);
    expect(miaDoc.getText("notes").toString()).toBe(noahDoc.getText("notes").toString());
    // Stored update by update before anyone leaves (a crash now would lose nothing).
    await expect
      .poll(() => readNotesText(server.db, cast.meetingId))
      .toBe(miaDoc.getText("notes").toString());

    const olu = await join("observer");
    const oluDoc = attachNotes(olu);
    await notesBecome(oluDoc, both);
    oluDoc.getText("notes").insert(0, "Observer was here. ");
    await new Promise((r) => setTimeout(r, 200));
    expect(miaDoc.getText("notes").toString()).not.toContain("Observer");

    const text = miaDoc.getText("notes").toString();
    await server.restart();
    expect(await readNotesText(server.db, cast.meetingId)).toBe(text);
    // The room folded the updates into one state when it closed.
    const pending = await server.db
      .select()
      .from(meetingNoteUpdates)
      .where(eq(meetingNoteUpdates.meetingId, cast.meetingId));
    expect(pending).toEqual([]);
    const later = await join("member2");
    const laterDoc = attachNotes(later);
    await notesBecome(laterDoc, (t) => t === text);
    await later.close();
  });

  it("records attendance once per person who joined", async () => {
    const rows = await server.db.select().from(attendance).where(eq(attendance.meetingId, cast.meetingId));
    const joined = rows.filter((row) => row.source === "joined" && row.present);
    expect(joined.map((row) => row.personId).sort()).toEqual(
      [cast.ids.facilitator, cast.ids.member, cast.ids.member2, cast.ids.observer].sort(),
    );
    expect(joined.every((row) => row.firstJoinedAt instanceof Date)).toBe(true);
  });

  it("two server processes on one database serve the same room through the bus", async () => {
    const bus = new InProcessBus();
    const a = await startLiveServer({ database, live: { bus } });
    const b = await startLiveServer({ database, live: { bus } });
    try {
      const fran = await join("facilitator", a);
      const mia = await join("member", b);
      const version = (await fran.next("snapshot")).state.version;
      const moved = await command(fran, "next", version);
      expect(moved.ok).toBe(true);
      const seen = await mia.next("state", (m) => m.state.version === version + 1);
      expect(seen.state.stepIndex).toBe(3);
      const participants = await mia.next("participants", (m) => m.participants.length === 2);
      expect(participants.participants.map((p) => p.name)).toEqual(["Fran Facilitator", "Mia Member"]);
      // A stale command on the other process is refused there too (its UPDATE … WHERE version fails).
      const tim = await join("timekeeper", b);
      const stale = await command(tim, "next", version);
      expect(stale).toMatchObject({ ok: false, problem: { status: 409 } });
      for (const client of [fran, mia, tim]) await client.close();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("ending the meeting marks it ended, with its end time, and the room takes no more commands", async () => {
    const fran = await join("facilitator");
    const version = (await fran.next("snapshot")).state.version;
    const ended = await command(fran, "end", version);
    expect(ended).toMatchObject({ ok: true, state: { phase: "ended" } });
    const [row] = await server.db.select().from(meetings).where(eq(meetings.id, cast.meetingId));
    expect(row?.status).toBe("ended");
    expect(row?.endedAt).toBeInstanceOf(Date);
    // The minutes were written in the same transaction, with the shared notes as typed.
    const [record] = await server.db.select().from(minutes).where(eq(minutes.meetingId, cast.meetingId));
    expect(JSON.stringify(record?.record)).toContain("Mia: the rubric is clear.");
    const after = await command(fran, "start", version + 1);
    expect(after).toMatchObject({ ok: false, problem: { title: "This meeting has ended." } });
    await fran.close();
  });

  it("the district's audit log shows the start once (not again after the restart) and the end, by the facilitator", async () => {
    const [meeting] = await server.db.select().from(meetings).where(eq(meetings.id, cast.meetingId));
    const title = meeting?.title;
    const entries = async (action: string) => {
      const response = await server.app.inject({
        method: "GET",
        url: `/api/v1/audit?action=${action}`,
        headers: { cookie: cast.cookies.admin },
      });
      expect(response.statusCode).toBe(200);
      const items: { actorName: string; subjectName: string; details: Record<string, unknown> }[] =
        response.json().items;
      return items.filter((entry) => entry.details.communityId === cast.communityId);
    };
    const expected = {
      actorName: "Fran Facilitator",
      subjectName: title,
      details: { title, communityId: cast.communityId },
    };
    expect(await entries("meeting.started")).toEqual([expect.objectContaining(expected)]);
    expect(await entries("meeting.ended")).toEqual([expect.objectContaining(expected)]);
  });
});
