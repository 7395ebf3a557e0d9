import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveState } from "../../shared/schemas/live.ts";
import { meetings } from "../db/schema/index.ts";
import {
  type CastRole,
  command,
  createLiveCast,
  joinRoom,
  type LiveCast,
  LiveClient,
  type LiveServer,
  startLiveServer,
} from "../test/live-client.ts";

let server: LiveServer;
let cast: LiveCast;
let meetingId: string;
let ids: LiveCast["ids"];
let cookies: LiveCast["cookies"];

beforeAll(async () => {
  server = await startLiveServer();
  cast = await createLiveCast(server.db);
  ({ meetingId, ids, cookies } = cast);
});
afterAll(() => server.close());

const join = (who: CastRole) => joinRoom(server.base, meetingId, cookies[who]);
describe("joining the live room", () => {
  it("gives a member a snapshot: the first step on the clock, who is here, and what they may do", async () => {
    const mia = await join("member");
    const snapshot = await mia.next("snapshot");
    expect(snapshot.state).toMatchObject({ phase: "not_started", version: 0, itemIndex: 0, stepIndex: 0 });
    expect(snapshot.state.remainingMs).toBe(10 * 60_000);
    expect(snapshot.you).toEqual({ personId: ids.member, canRun: false, canContribute: true });
    const participants = await mia.next("participants", (m) =>
      m.participants.some((p) => p.personId === ids.member),
    );
    expect(participants.participants.find((p) => p.personId === ids.member)?.roles).toEqual(["presenter"]);
    await mia.close();
  });

  it("refuses another district, a non-member, someone signed out, and a handshake from another site", async () => {
    for (const who of ["lakeside", "outsider"] as const) {
      const client = new LiveClient(server.base, meetingId, cookies[who] as string);
      const closed = await client.closed;
      expect(closed.code).toBe(4404);
      expect(closed.reason).toMatch(/does not exist, or you are not in its community/);
      expect(client.messages).toEqual([]);
    }
    const anonymous = await new LiveClient(server.base, meetingId, "").closed;
    expect(anonymous).toEqual({ code: 4401, reason: "Please sign in to join the meeting." });
    // A session cookie whose token was altered fails its signature check.
    const forgedCookie = (cookies.member as string).replace(
      /=(.)/,
      (_m, c: string) => `=${c === "A" ? "B" : "A"}`,
    );
    const forged = await new LiveClient(server.base, meetingId, forgedCookie).closed;
    expect(forged.code).toBe(4401);
    const crossSite = new LiveClient(
      server.base,
      meetingId,
      cookies.member as string,
      "https://evil.example",
    );
    await crossSite.closed;
    expect(crossSite.refusedWith).toBe(403);
    const missing = await new LiveClient(server.base, crypto.randomUUID(), cookies.member as string).closed;
    expect(missing.code).toBe(4404);
  });

  it("lets the district's administrators, partners and observers in", async () => {
    for (const who of ["admin", "partner", "observer"] as const) {
      const client = await join(who);
      const snapshot = await client.next("snapshot");
      expect(snapshot.you.canContribute).toBe(who !== "observer");
      await client.close();
    }
  });
});

describe("running the meeting", () => {
  let fran: LiveClient;
  let mia: LiveClient;
  let state: LiveState;

  beforeAll(async () => {
    fran = await join("facilitator");
    mia = await join("member");
  });
  afterAll(async () => {
    await fran.close();
    await mia.close();
  });

  it("the facilitator starts and advances; everyone in the room follows", async () => {
    const started = await command(fran, "start", 0);
    expect(started).toMatchObject({ ok: true, state: { phase: "running", version: 1 } });
    const next = await command(fran, "next", 1);
    expect(next.ok).toBe(true);
    const seen = await mia.next("state", (m) => m.state.version === 2);
    expect(seen.state).toMatchObject({ phase: "running", itemIndex: 0, stepIndex: 1, durationSeconds: 300 });
    expect(seen.by).toBe("Fran Facilitator");
    expect(Date.parse(seen.state.endsAt ?? "")).toBeGreaterThan(Date.now() + 290_000);
    const [row] = await server.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row?.status).toBe("live");
    expect(row?.startedAt).toBeInstanceOf(Date);
    state = seen.state;
  });

  it("refuses a member's command (403) and tells them the current state", async () => {
    const result = await command(mia, "next", state.version);
    expect(result).toMatchObject({ ok: false, problem: { status: 403 }, state: { version: state.version } });
    if (result.ok) throw new Error("unreachable");
    expect(result.problem.title).toMatch(/facilitator or timekeeper/);
  });

  it("lets the meeting's timekeeper add time and pause", async () => {
    const tim = await join("timekeeper");
    const added = await command(tim, "add_time", state.version, { seconds: 60 });
    expect(added).toMatchObject({ ok: true, state: { durationSeconds: 360 } });
    const paused = await command(tim, "pause", state.version + 1);
    expect(paused).toMatchObject({ ok: true, state: { phase: "paused", endsAt: null } });
    const resumed = await command(tim, "resume", state.version + 2);
    expect(resumed.ok).toBe(true);
    if (resumed.ok) state = resumed.state;
    await tim.close();
  });

  it("refuses a command issued against an older version, naming where the meeting is now", async () => {
    const stale = await command(fran, "next", state.version - 1);
    expect(stale).toMatchObject({ ok: false, problem: { status: 409 }, state: { version: state.version } });
    if (stale.ok) throw new Error("unreachable");
    expect(stale.problem.title).toBe("Tim Keeper already moved the meeting on, to “Clarifying questions”.");
  });

  it("refuses nonsense: an unknown step, add_time without seconds, a malformed command", async () => {
    const bad = await command(fran, "goto", state.version, { itemIndex: 9 });
    expect(bad).toMatchObject({ ok: false, problem: { status: 400, field: "itemIndex" } });
    const noSeconds = await command(fran, "add_time", state.version);
    expect(noSeconds).toMatchObject({ ok: false, problem: { field: "seconds" } });
    fran.send({ type: "command", requestId: "bad", command: "fly" } as never);
    const malformed = await fran.next("result", (m) => m.requestId === "bad");
    expect(malformed).toMatchObject({ ok: false, problem: { status: 400, field: "command" } });
  });
});
