import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientMessage, LiveParticipant } from "../../shared/schemas/live.ts";
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
import { type BusEnvelope, MAX_INLINE_UPDATE_BYTES, shareCacheInvalidations } from "./bus.ts";
import { PgBus } from "./pg-bus.ts";

/**
 * Two server processes on one database, each with its own PostgreSQL bus (real LISTEN/NOTIFY on its own
 * connection): what one process's sockets do reaches the other's within a second.
 */
const quiet = { warn: () => {} };
let database: Awaited<ReturnType<typeof cloneDatabase>>;
let busA: PgBus;
let busB: PgBus;
let a: LiveServer;
let b: LiveServer;
let cast: LiveCast;
const join = (who: CastRole, on: LiveServer) => joinRoom(on.base, cast.meetingId, cast.cookies[who]);

beforeAll(async () => {
  database = await cloneDatabase();
  // A slow first retry on A, so a test can act while A is disconnected.
  busA = await PgBus.start(database.url, quiet, { minBackoffMs: 600, maxBackoffMs: 600 });
  busB = await PgBus.start(database.url, quiet);
  a = await startLiveServer({ database, live: { bus: busA } });
  b = await startLiveServer({ database, live: { bus: busB } });
  cast = await createLiveCast(a.db);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await busA?.close();
  await busB?.close();
  await database?.drop();
});

type Contribute = Extract<ClientMessage, { type: "contribute" }>;
const card = (stepIndex: number, kind: Contribute["kind"], body: string, anonymous = false): Contribute => ({
  type: "contribute",
  clientId: crypto.randomUUID(),
  agendaItemId: cast.itemIds[0] as string,
  stepIndex,
  kind,
  body,
  anonymous,
});

describe("a live room served by two processes over PostgreSQL LISTEN/NOTIFY", () => {
  it("the facilitator's next on A reaches a participant connected to B within a second", async () => {
    const fran = await join("facilitator", a);
    const mia = await join("member", b);
    const started = await command(fran, "start", (await fran.next("snapshot")).state.version);
    if (!started.ok) throw new Error(started.problem.title);
    const sent = Date.now();
    const moved = await command(fran, "next", started.state.version);
    expect(moved.ok).toBe(true);
    const seen = await mia.next("state", (m) => m.state.version === started.state.version + 1, 1000);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(seen.state).toMatchObject({ phase: "running", stepIndex: 1 });
    expect(seen.by).toBe("Fran Facilitator");
    // Each process lists who is connected to the other.
    const listed = await mia.next("participants", (m) => m.participants.length === 2);
    expect(listed.participants.map((p) => p.name)).toEqual(["Fran Facilitator", "Mia Member"]);
    await fran.close();
    await mia.close();
  });

  it("a contribution on B appears on A, an anonymous one without its author, and a retraction follows", async () => {
    const fran = await join("facilitator", a);
    const noah = await join("member2", b);
    const named = card(1, "clarifying_question", "How long did the unit take?");
    noah.send(named);
    await noah.next("ack", (m) => m.clientId === named.clientId);
    const seen = await fran.next("contribution", (m) => m.contribution.clientId === named.clientId, 1000);
    expect(seen.contribution).toMatchObject({
      body: "How long did the unit take?",
      author: { id: cast.ids.member2, name: "Noah Member" },
      mine: false,
    });
    // Warm feedback (anonymity optional), moved to on A: B accepts the card only once it heard of the step.
    const moved = await command(fran, "next", (await fran.next("snapshot")).state.version);
    if (!moved.ok) throw new Error(moved.problem.title);
    await noah.next("state", (m) => m.state.version === moved.state.version, 1000);
    const hidden = card(2, "warm_feedback", "The texts are well chosen.", true);
    noah.send(hidden);
    const ack = await noah.next("ack", (m) => m.clientId === hidden.clientId);
    const anonymous = await fran.next(
      "contribution",
      (m) => m.contribution.clientId === hidden.clientId,
      1000,
    );
    expect(anonymous.contribution.author).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain(cast.ids.member2);
    noah.send({ type: "retract", contributionId: ack.contributionId });
    await fran.next("retracted", (m) => m.contributionId === ack.contributionId, 1000);
    // Someone joining A later sees the named card only, once.
    const mia = await join("member", a);
    const snapshot = await mia.next("snapshot");
    expect(snapshot.contributions.map((c) => c.body)).toEqual(["How long did the unit take?"]);
    for (const client of [fran, noah, mia]) await client.close();
  });

  it("notes typed on A reach B, a pasted page too (too large for one NOTIFY, read from the database)", async () => {
    const fran = await join("facilitator", a);
    const mia = await join("member", b);
    const franDoc = attachNotes(fran);
    const miaDoc = attachNotes(mia);
    franDoc.getText("notes").insert(0, "Fran: warm feedback first. ");
    await notesBecome(miaDoc, (t) => t.includes("Fran: warm feedback first."), 1000);
    const page = `${"The rubric names four levels of evidence. ".repeat(300)}END`;
    expect(page.length).toBeGreaterThan(MAX_INLINE_UPDATE_BYTES * 2);
    franDoc.getText("notes").insert(0, page);
    await notesBecome(miaDoc, (t) => t.includes("END") && t.includes("Fran: warm"), 2000);
    miaDoc.getText("notes").insert(0, "Mia: agreed. ");
    await notesBecome(franDoc, (t) => t.startsWith("Mia: agreed. "), 1000);
    expect(franDoc.getText("notes").toString()).toBe(miaDoc.getText("notes").toString());
    await fran.close();
    await mia.close();
  });

  it("while A's bus is disconnected its room still works; once back, B catches up and messages flow again", async () => {
    const fran = await join("facilitator", a);
    const tim = await join("timekeeper", a);
    const mia = await join("member", b);
    const version = (await fran.next("snapshot")).state.version;
    await a.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${`lamplight-bus ${busA.id}`}`,
    );
    await expect.poll(() => busA.connected, { timeout: 2000, interval: 10 }).toBe(false);
    const local = await command(fran, "next", version);
    expect(local.ok).toBe(true);
    await tim.next("state", (m) => m.state.version === version + 1, 1000);
    // B hears of it once A has reconnected (A tells every room to read the database again).
    await expect.poll(() => busA.connected, { timeout: 5000, interval: 20 }).toBe(true);
    await mia.next("state", (m) => m.state.version === version + 1, 2000);
    const again = await command(fran, "next", version + 1);
    expect(again.ok).toBe(true);
    await mia.next("state", (m) => m.state.version === version + 2, 1000);
    for (const client of [fran, tim, mia]) await client.close();
  });
});

describe("the PostgreSQL bus itself", () => {
  it("carries a message larger than a NOTIFY in parts, never back to its sender", async () => {
    const topic = crypto.randomUUID();
    const participants: LiveParticipant[] = Array.from({ length: 400 }, (_, i) => ({
      personId: crypto.randomUUID(),
      name: `Participant número ${i} — ünïcödé`,
      roles: i === 0 ? ["facilitator"] : [],
      connections: 1,
    }));
    const heardB: BusEnvelope[] = [];
    const heardA: BusEnvelope[] = [];
    const stopB = busB.subscribe(topic, (e) => heardB.push(e));
    const stopA = busA.subscribe(topic, (e) => heardA.push(e));
    busA.publish(topic, { origin: "room-a", message: { type: "presence", participants } });
    busA.publish(topic, { origin: "room-a", message: { type: "state", version: 7 } });
    await expect.poll(() => heardB.length, { timeout: 1000, interval: 10 }).toBe(2);
    expect(heardB[0]).toEqual({ origin: "room-a", message: { type: "presence", participants } });
    expect(heardB[1]).toEqual({ origin: "room-a", message: { type: "state", version: 7 } });
    await new Promise((r) => setTimeout(r, 200));
    // Delivered once locally, not again when NOTIFY brings it back.
    expect(heardA).toHaveLength(2);
    stopA();
    stopB();
  });
});

describe("caches of another process", () => {
  it("are cleared when this process forgets a person, a session or its reads", async () => {
    const heard: unknown[] = [];
    const stop = busB.subscribeCaches((m) => heard.push(m));
    const stopSharing = shareCacheInvalidations(busA);
    try {
      const { forgetPerson, forgetToken } = await import("../http/auth/session-cache.ts");
      const { invalidateAllReadCaches } = await import("../lib/read-cache.ts");
      forgetPerson("person-1");
      forgetToken("secret-token");
      invalidateAllReadCaches();
      invalidateAllReadCaches();
      await expect.poll(() => heard.length, { timeout: 1000, interval: 10 }).toBe(3);
      expect(heard[0]).toEqual({ type: "person", personId: "person-1" });
      // The token itself never travels, only its hash.
      expect(JSON.stringify(heard[1])).not.toContain("secret-token");
      expect(heard[2]).toEqual({ type: "reads" });
    } finally {
      stopSharing();
      stop();
    }
  });
});
