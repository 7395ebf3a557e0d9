import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type WebSocket as ServerSocket, WebSocketServer } from "ws";
import type { ClientMessage, LiveState, ServerMessage } from "../../../shared/schemas/live.ts";
import { LiveConnection } from "./connection.ts";
import type { LiveEnvironment } from "./environment.ts";
import type { LiveView } from "./live-view.ts";
import { type KeyValueStore, outboxKey } from "./outbox.ts";

/*
 * The connection against a real WebSocket server on a real socket (Node's built-in WebSocket on the
 * client side, `ws` on the server side), playing the server's part of shared/schemas/live.ts.
 */

const meetingId = "0190d4a4-5a4e-7c1e-8f00-00000000aaaa";
const personId = "0190d4a4-5a4e-7c1e-8f00-00000000bbbb";
const itemId = "0190d4a4-5a4e-7c1e-8f00-00000000cccc";

const state: LiveState = {
  version: 1,
  phase: "running",
  itemIndex: 0,
  stepIndex: 2,
  durationSeconds: 600,
  endsAt: new Date(Date.now() + 600_000).toISOString(),
  remainingMs: null,
};

interface FakeRoom {
  url: string;
  received: ClientMessage[];
  sockets: ServerSocket[];
  /** What the server answers to a contribution: ack (default), reject, or nothing. */
  onContribute: "ack" | "reject" | "ignore";
  close: () => Promise<void>;
}

const rooms: FakeRoom[] = [];
const connections: LiveConnection[] = [];

afterEach(async () => {
  for (const c of connections.splice(0)) c.stop();
  for (const r of rooms.splice(0)) await r.close();
});

async function startRoom(): Promise<FakeRoom> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const room: FakeRoom = {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/meetings/${meetingId}/live`,
    received: [],
    sockets: [],
    onContribute: "ack",
    close: () =>
      new Promise((resolve) => {
        for (const s of server.clients) s.terminate();
        server.close(() => resolve());
      }),
  };
  const stored = new Set<string>();
  server.on("connection", (socket) => {
    room.sockets.push(socket);
    const send = (message: ServerMessage) => socket.send(JSON.stringify(message));
    send({
      type: "snapshot",
      state,
      participants: [],
      contributions: [],
      serverTime: new Date().toISOString(),
      you: { personId, canRun: true },
    });
    socket.on("message", (data, isBinary) => {
      if (isBinary) return;
      const message = JSON.parse(String(data)) as ClientMessage;
      room.received.push(message);
      if (message.type === "ping") send({ type: "pong", serverTime: new Date().toISOString() });
      if (message.type === "contribute" && room.onContribute === "ack") {
        stored.add(message.clientId);
        send({ type: "ack", clientId: message.clientId, contributionId: message.clientId });
      }
      if (message.type === "contribute" && room.onContribute === "reject") {
        send({
          type: "rejected",
          clientId: message.clientId,
          problem: { status: 422, title: "Keep a contribution under 2000 characters.", field: "body" },
        });
      }
      if (message.type === "command") {
        send({
          type: "result",
          requestId: message.requestId,
          ok: false,
          problem: { status: 409, title: "Someone else already moved the meeting on." },
          state: { ...state, version: 2 },
        });
      }
    });
  });
  rooms.push(room);
  return room;
}

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function open(url: string, storage: KeyValueStore, online = true) {
  let network: (online: boolean) => void = () => {};
  let isOnline = online;
  const env: LiveEnvironment = {
    createSocket: (u) => new WebSocket(u),
    storage,
    isOnline: () => isOnline,
    onNetworkChange: (listener) => {
      network = listener;
      return () => {};
    },
    onVisible: () => () => {},
    random: () => 0,
  };
  const connection = new LiveConnection({ url, meetingId, personId, env });
  connections.push(connection);
  connection.start();
  return {
    connection,
    setOnline(value: boolean) {
      isOnline = value;
      network(value);
    },
  };
}

async function until(connection: LiveConnection, predicate: (view: LiveView) => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!predicate(connection.getView())) {
    if (Date.now() > deadline) throw new Error(`timed out; view: ${JSON.stringify(connection.getView())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const input = {
  agendaItemId: itemId,
  stepIndex: 2,
  kind: "warm_feedback" as const,
  body: "Your exit ticket is clear.",
  anonymous: false,
};

describe("live connection", () => {
  it("keeps a card written offline on the device and sends it once the network is back", async () => {
    const room = await startRoom();
    const storage = memoryStore();
    const { connection, setOnline } = open(room.url, storage, false);
    expect(connection.getView().status).toBe("offline");

    connection.contribute(input);
    expect(connection.getView().pending).toHaveLength(1);
    expect(storage.getItem(outboxKey(meetingId, personId))).toContain("Your exit ticket is clear.");

    setOnline(true);
    await until(connection, (v) => v.status === "live" && v.pending.length === 0);
    expect(room.received.filter((m) => m.type === "contribute")).toHaveLength(1);
    expect(storage.getItem(outboxKey(meetingId, personId))).toBeNull();
  });

  it("resends an unacknowledged card with the same id after the connection drops", async () => {
    const room = await startRoom();
    room.onContribute = "ignore";
    const { connection } = open(room.url, memoryStore());
    await until(connection, (v) => v.status === "live");
    const entry = connection.contribute(input);
    await until(connection, () => room.received.some((m) => m.type === "contribute"));

    room.onContribute = "ack";
    room.sockets[0]?.terminate(); // as a server restart or a dropped Wi-Fi would
    await until(connection, (v) => v.status === "reconnecting");
    await until(connection, (v) => v.status === "live" && v.pending.length === 0);

    const sent = room.received.filter((m) => m.type === "contribute");
    expect(sent).toHaveLength(2);
    expect(sent.every((m) => m.type === "contribute" && m.clientId === entry.clientId)).toBe(true);
  });

  it("picks up cards left in the outbox by an earlier visit (a reload, a closed lid)", async () => {
    const room = await startRoom();
    const storage = memoryStore();
    const first = open(room.url, storage, false);
    first.connection.contribute(input);
    first.connection.stop();

    const { connection } = open(room.url, storage);
    expect(connection.getView().pending).toHaveLength(1);
    await until(connection, (v) => v.status === "live" && v.pending.length === 0);
    expect(room.received.filter((m) => m.type === "contribute")).toHaveLength(1);
  });

  it("drops a refused card from the outbox and keeps the server's reason to show", async () => {
    const room = await startRoom();
    room.onContribute = "reject";
    const storage = memoryStore();
    const { connection } = open(room.url, storage);
    await until(connection, (v) => v.status === "live");
    connection.contribute(input);
    await until(connection, (v) => v.rejected.length === 1);
    expect(connection.getView().pending).toEqual([]);
    expect(connection.getView().rejected[0]?.problem.title).toMatch(/under 2000 characters/);
    expect(connection.getView().rejected[0]?.entry.body).toBe(input.body);
  });

  it("shows a refused command's reason and follows the state the server sent with it", async () => {
    const room = await startRoom();
    const { connection } = open(room.url, memoryStore());
    await until(connection, (v) => v.status === "live");
    expect(connection.command("next")).toBe(true);
    await until(connection, (v) => v.commandProblem !== null);
    expect(connection.getView().commandProblem?.title).toBe("Someone else already moved the meeting on.");
    expect(connection.getView().state?.version).toBe(2);
    const sent = room.received.find((m) => m.type === "command");
    expect(sent).toMatchObject({ command: "next", expectedVersion: 1 });
  });

  it("closes at once when the device goes offline, and refuses commands until back", async () => {
    const room = await startRoom();
    const { connection, setOnline } = open(room.url, memoryStore());
    await until(connection, (v) => v.status === "live");
    setOnline(false);
    expect(connection.getView().status).toBe("offline");
    expect(connection.command("pause")).toBe(false);
    setOnline(true);
    await until(connection, (v) => v.status === "live");
  });
});
