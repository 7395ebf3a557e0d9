import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientMessage } from "../../shared/schemas/live.ts";
import { contributions } from "../db/schema/index.ts";
import {
  type CastRole,
  command,
  createLiveCast,
  joinRoom,
  type LiveCast,
  type LiveClient,
  type LiveServer,
  startLiveServer,
} from "../test/live-client.ts";

let server: LiveServer;
let cast: LiveCast;
let fran: LiveClient;
let mia: LiveClient;
let noah: LiveClient;

const join = (who: CastRole) => joinRoom(server.base, cast.meetingId, cast.cookies[who]);
type Contribute = Extract<ClientMessage, { type: "contribute" }>;
const card = (
  stepIndex: number,
  kind: Contribute["kind"],
  body: string,
  extra: Partial<Contribute> = {},
) => ({
  type: "contribute" as const,
  clientId: crypto.randomUUID(),
  agendaItemId: cast.itemIds[0] as string,
  stepIndex,
  kind,
  body,
  ...extra,
});
async function send(client: LiveClient, message: Contribute) {
  client.send(message);
  return Promise.race([
    client.next("ack", (m) => m.clientId === message.clientId),
    client.next("rejected", (m) => m.clientId === message.clientId),
  ]);
}

beforeAll(async () => {
  server = await startLiveServer();
  cast = await createLiveCast(server.db);
  fran = await join("facilitator");
  mia = await join("member");
  noah = await join("member2");
  await command(fran, "start", 0);
  await command(fran, "next", 1); // Clarifying questions (named)
});
afterAll(async () => {
  for (const client of [fran, mia, noah]) await client.close();
  await server.close();
});

describe("contributions in the live room", () => {
  it("a named card appears for everyone with its author, and is stored against its step", async () => {
    const message = card(1, "clarifying_question", "How long did the unit take?");
    const ack = await send(noah, message);
    expect(ack.type).toBe("ack");
    const seen = await mia.next("contribution", (m) => m.contribution.clientId === message.clientId);
    expect(seen.contribution).toMatchObject({
      body: "How long did the unit take?",
      kind: "clarifying_question",
      stepIndex: 1,
      author: { id: cast.ids.member2, name: "Noah Member" },
      mine: false,
    });
    const own = await noah.next("contribution", (m) => m.contribution.clientId === message.clientId);
    expect(own.contribution.mine).toBe(true);
  });

  it("refuses what the step does not collect, anonymity a named step does not allow, and oversized text", async () => {
    const wrongKind = await send(mia, card(1, "warm_feedback", "Lovely"));
    expect(wrongKind).toMatchObject({ type: "rejected", problem: { field: "kind" } });
    const anonymous = await send(mia, card(1, "clarifying_question", "Who?", { anonymous: true }));
    expect(anonymous).toMatchObject({ type: "rejected", problem: { field: "anonymous" } });
    const huge = await send(mia, card(1, "clarifying_question", "x".repeat(2001)));
    expect(huge).toMatchObject({
      type: "rejected",
      problem: { status: 400, field: "body", title: "Keep a contribution under 2000 characters." },
    });
    const ahead = await send(mia, card(3, "cool_feedback", "Too early"));
    expect(ahead).toMatchObject({ type: "rejected", problem: { field: "stepIndex" } });
    const note = await send(mia, card(1, "note", "A note is welcome in any step"));
    expect(note.type).toBe("ack");
  });

  it("observers watch but cannot add cards", async () => {
    const olu = await join("observer");
    const refused = await send(olu, card(1, "clarifying_question", "Can I?"));
    expect(refused).toMatchObject({ type: "rejected", problem: { status: 403 } });
    await olu.close();
  });

  it("anonymous cards carry no author for anyone, and the author still sees them as their own", async () => {
    const step = await command(fran, "next", 2); // Warm feedback (anonymity optional)
    expect(step.ok).toBe(true);
    const message = card(2, "warm_feedback", "The rubric is really clear", { anonymous: true });
    await send(mia, message);
    const seen = await fran.next("contribution", (m) => m.contribution.clientId === message.clientId);
    expect(seen.contribution.author).toBeNull();
    expect(JSON.stringify(seen)).not.toContain(cast.ids.member);
    const own = await mia.next("contribution", (m) => m.contribution.clientId === message.clientId);
    expect(own.contribution).toMatchObject({ author: null, mine: true });
    await command(fran, "next", 3); // Cool feedback (always anonymous)
    const forced = card(3, "cool_feedback", "Maybe fewer criteria", { anonymous: false });
    await send(noah, forced);
    const cool = await mia.next("contribution", (m) => m.contribution.clientId === forced.clientId);
    expect(cool.contribution.author).toBeNull();
  });

  it("a card resent after reconnecting is stored once and acknowledged with the same id", async () => {
    const message = card(3, "cool_feedback", "Typed while the lid was closed");
    const first = await send(mia, message);
    await mia.close();
    mia = await join("member");
    const snapshot = await mia.next("snapshot");
    expect(snapshot.state).toMatchObject({ phase: "running", itemIndex: 0, stepIndex: 3 });
    expect(snapshot.contributions.some((c) => c.clientId === message.clientId && c.mine)).toBe(true);
    const again = await send(mia, message);
    expect(again).toEqual({ ...first });
    const rows = await server.db
      .select({ n: sql<number>`count(*)::int` })
      .from(contributions)
      .where(and(eq(contributions.meetingId, cast.meetingId), eq(contributions.clientId, message.clientId)));
    expect(rows[0]?.n).toBe(1);
  });

  it("someone takes back their own card, and only their own", async () => {
    const message = card(3, "cool_feedback", "On second thought…");
    const ack = await send(noah, message);
    if (ack.type !== "ack") throw new Error("not stored");
    mia.send({ type: "retract", contributionId: ack.contributionId });
    const refused = await mia.next("error");
    expect(refused.problem.status).toBe(404);
    noah.send({ type: "retract", contributionId: ack.contributionId });
    await fran.next("retracted", (m) => m.contributionId === ack.contributionId);
    const fresh = await join("facilitator");
    const snapshot = await fresh.next("snapshot");
    expect(snapshot.contributions.some((c) => c.id === ack.contributionId)).toBe(false);
    await fresh.close();
  });

  it("an ended meeting takes no more cards", async () => {
    const ended = await command(fran, "end", 4);
    expect(ended).toMatchObject({ ok: true, state: { phase: "ended" } });
    const late = await send(mia, card(3, "cool_feedback", "Too late"));
    expect(late).toMatchObject({ type: "rejected", problem: { status: 409 } });
  });
});
