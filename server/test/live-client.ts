import { createHmac } from "node:crypto";
import type { FastifyInstance } from "fastify";
import WebSocket from "ws";
import type { ClientMessage, LiveCommandName, ServerMessage } from "../../shared/schemas/live.ts";
import { buildApp } from "../app.ts";
import type { Db } from "../db/client.ts";
import { sessions } from "../db/schema/index.ts";
import { DEMO_PASSWORD } from "../db/seed/demo-data.ts";
import { newId, newToken } from "../lib/ids.ts";
import { MailDelivery } from "../mail/delivery.ts";
import type { LiveOptions } from "../realtime/routes.ts";
import { cookieHeader } from "./app.ts";
import { cloneDatabase } from "./database.ts";
import { createCommunity, createPerson, type NewPerson, orgId } from "./factories.ts";
import { createMeeting, createProtocol } from "./meeting-factories.ts";

/**
 * The live room under test is the real server listening on a real port, driven by real `ws` clients,
 * as a browser would: session cookie, Origin header, JSON text frames and binary Yjs frames.
 */

export const TEST_SECRET = "test-secret-test-secret-test-secret-42";
export const SESSION_COOKIE = "lamplight.session_token";

export type LiveServer = {
  db: Db;
  app: FastifyInstance;
  /** http://127.0.0.1:port (the WebSocket URL is derived from it). */
  base: string;
  /** A session cookie for a demo account (signed in through the API). */
  signIn: (email: string) => Promise<string>;
  /** Stops the app (sockets are told the server is restarting) and starts a new one on the same database and port. */
  restart: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startLiveServer(
  options: { live?: LiveOptions; database?: Awaited<ReturnType<typeof cloneDatabase>> } = {},
): Promise<LiveServer> {
  const database = options.database ?? (await cloneDatabase());
  const mail = new MailDelivery(database.db, undefined, "Lamplight <lamplight@riverside.example>", {
    warn: () => {},
  });
  let port = 0;
  const build = async () => {
    const app = await buildApp({
      db: database.db,
      publicUrl: "http://localhost:3000",
      authSecret: TEST_SECRET,
      mail,
      logLevel: "silent",
      signInPerMinute: 10_000,
      writesPerMinute: 100_000,
      ...(options.live ? { live: options.live } : {}),
    });
    await app.listen({ port, host: "127.0.0.1" });
    const address = app.server.address();
    if (typeof address === "object" && address) port = address.port;
    return app;
  };
  const server: LiveServer = {
    db: database.db,
    app: await build(),
    base: "",
    signIn: async (email) => {
      const response = await server.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        payload: { email, password: DEMO_PASSWORD },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
      return cookieHeader(response.headers["set-cookie"]);
    },
    restart: async () => {
      await server.app.close();
      server.app = await build();
    },
    close: async () => {
      await server.app.close();
      await mail.stop();
      if (!options.database) await database.drop();
    },
  };
  server.base = `http://127.0.0.1:${port}`;
  return server;
}

/** A session for any person, written straight into the database (no password hashing): a cookie header. */
export async function sessionCookie(db: Db, personId: string, secret = TEST_SECRET): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    id: newId(),
    token,
    userId: personId,
    expiresAt: new Date(Date.now() + 7 * 24 * 3600_000),
  });
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${signature}`)}`;
}

type Message = ServerMessage;
type Waiter = { match: (m: Message) => boolean; resolve: (m: Message) => void };

/** One participant's socket: records every message, and waits for the ones a test expects. */
export class LiveClient {
  readonly messages: Message[] = [];
  readonly binary: Uint8Array[] = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Set when the handshake was refused with an HTTP status. */
  refusedWith: number | null = null;
  onBinary: ((data: Uint8Array) => void) | null = null;
  private waiters: Waiter[] = [];

  constructor(base: string, meetingId: string, cookie: string, origin: string | null = base) {
    const url = `${base.replace(/^http/, "ws")}/api/v1/meetings/${meetingId}/live`;
    const headers: Record<string, string> = cookie ? { cookie } : {};
    if (origin) headers.origin = origin;
    this.socket = new WebSocket(url, { headers });
    let refused: (closed: { code: number; reason: string }) => void = () => {};
    this.socket.on("unexpected-response", (request, response) => {
      this.refusedWith = response.statusCode ?? 0;
      request.destroy();
      refused({ code: 1006, reason: `HTTP ${this.refusedWith}` });
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once("open", () => resolve());
      this.socket.once("error", reject);
      this.socket.once("close", () => reject(new Error("closed before opening")));
    });
    this.opened.catch(() => {});
    this.closed = new Promise((resolve) => {
      refused = resolve;
      this.socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    this.socket.on("error", () => {});
    this.socket.on("message", (data, isBinary) => {
      if (isBinary) {
        const bytes = new Uint8Array(data as Buffer);
        this.binary.push(bytes);
        this.onBinary?.(bytes);
        return;
      }
      const message = JSON.parse(String(data)) as Message;
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  sendBinary(data: Uint8Array): void {
    this.socket.send(data, { binary: true });
  }

  /** The first message (already received or still to come) of `type` that matches. */
  next<T extends Message["type"]>(
    type: T,
    match: (m: Extract<Message, { type: T }>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Extract<Message, { type: T }>> {
    const test = (m: Message): m is Extract<Message, { type: T }> =>
      m.type === type && match(m as Extract<Message, { type: T }>);
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${type} message within ${timeoutMs} ms; got ${this.types()}`)),
        timeoutMs,
      );
      this.waiters.push({
        match: test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<Message, { type: T }>);
        },
      });
    });
  }

  /** Forgets what was received so far (to wait for the next one of a type). */
  clear(): void {
    this.messages.length = 0;
  }

  types(): string {
    return this.messages.map((m) => m.type).join(", ") || "nothing";
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closed;
  }
}

/** Opens a client and waits for its snapshot. */
export async function joinRoom(base: string, meetingId: string, cookie: string): Promise<LiveClient> {
  const client = new LiveClient(base, meetingId, cookie);
  await client.next("snapshot");
  return client;
}

/** The people of a live-room test: one of each relation to the meeting, with session cookies. */
export type LiveCast = {
  meetingId: string;
  communityId: string;
  itemIds: string[];
  ids: Record<CastRole, string>;
  cookies: Record<CastRole, string>;
};
export type CastRole =
  | "facilitator"
  | "timekeeper"
  | "member"
  | "member2"
  | "partner"
  | "observer"
  | "outsider"
  | "admin"
  | "lakeside";

/**
 * A community (facilitator, members, a partner, an observer), a meeting with a tuning protocol item
 * (Mia presents) and a 15-minute discussion, Tim as the meeting's timekeeper; plus an outsider who left
 * the community, a district administrator and an administrator of another district.
 */
export async function createLiveCast(db: Db): Promise<LiveCast> {
  const riverside = await orgId(db, "riverside");
  const lakeside = await orgId(db, "lakeside");
  const people: Record<CastRole, NewPerson> = {
    facilitator: { orgId: riverside, name: "Fran Facilitator" },
    timekeeper: { orgId: riverside, name: "Tim Keeper" },
    member: { orgId: riverside, name: "Mia Member" },
    member2: { orgId: riverside, name: "Noah Member" },
    partner: { orgId: riverside, name: "Pat Partner", orgRole: "partner" },
    observer: { orgId: riverside, name: "Olu Observer" },
    outsider: { orgId: riverside, name: "Otto Outsider" },
    admin: { orgId: riverside, name: "Ada Admin", orgRole: "administrator" },
    lakeside: { orgId: lakeside, name: "Lee Lakeside", orgRole: "administrator" },
  };
  const ids = {} as Record<CastRole, string>;
  const cookies = {} as Record<CastRole, string>;
  for (const [key, person] of Object.entries(people) as [CastRole, NewPerson][]) {
    ids[key] = (await createPerson(db, person)).id;
    cookies[key] = await sessionCookie(db, ids[key]);
  }
  const community = await createCommunity(db, {
    orgId: riverside,
    visibility: "organization",
    members: [
      [ids.facilitator, "facilitator"],
      [ids.timekeeper, "member"],
      [ids.member, "member"],
      [ids.member2, "member"],
      [ids.partner, "partner"],
      [ids.observer, "observer"],
      [ids.outsider, "member", "left"],
    ],
  });
  const { versionId } = await createProtocol(db, riverside);
  const meeting = await createMeeting(db, {
    orgId: riverside,
    communityId: community.id,
    items: [
      { protocolVersionId: versionId, title: "Tuning Mia's unit", presenterId: ids.member },
      { minutes: 15 },
    ],
    roles: [{ role: "timekeeper", personId: ids.timekeeper }],
  });
  return { meetingId: meeting.id, communityId: community.id, itemIds: meeting.itemIds, ids, cookies };
}

let requests = 0;
/** Sends a facilitator command and waits for its result. */
export async function command(
  client: LiveClient,
  name: LiveCommandName,
  expectedVersion: number,
  extra: { seconds?: number; itemIndex?: number; stepIndex?: number } = {},
) {
  const requestId = `r${++requests}`;
  client.send({ type: "command", requestId, command: name, expectedVersion, ...extra });
  return client.next("result", (m) => m.requestId === requestId);
}
