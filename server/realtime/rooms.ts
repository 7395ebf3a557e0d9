import type { RawData, WebSocket } from "ws";
import { liveCloseCodes } from "../../shared/schemas/live.ts";
import type { Db } from "../db/client.ts";
import type { RoomMeeting } from "./access.ts";
import type { Bus } from "./bus.ts";
import { Connection, type ConnectionLimits, defaultLimits } from "./connection.ts";
import { canWriteNotes, type RoomAccess } from "./policy.ts";
import { Room } from "./room.ts";
import { handleText } from "./room-messages.ts";

export type RoomOptions = {
  limits?: Partial<ConnectionLimits>;
  /** Ping interval; a socket that misses one ping is dropped. */
  heartbeatMs?: number;
};

/** JSON messages are small (a contribution is at most 2,000 characters); anything far larger is refused unread. */
export const MAX_TEXT_BYTES = 32 * 1024;

type Logger = { error: (object: unknown, message?: string) => void };

/** The rooms open in this process: opened on the first join, closed (notes folded) on the last leave. */
export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Rooms still writing their notes after the last person left; a reopening waits for them. */
  private readonly closing = new Map<string, Promise<void>>();
  private readonly connections = new Set<Connection>();
  private readonly limits: ConnectionLimits;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly db: Db;
  private readonly bus: Bus;
  private readonly log: Logger;
  private shuttingDown = false;

  constructor(db: Db, bus: Bus, log: Logger, options: RoomOptions = {}) {
    this.db = db;
    this.bus = bus;
    this.log = log;
    this.limits = { ...defaultLimits, ...options.limits };
    this.heartbeat = setInterval(() => {
      for (const conn of this.connections) conn.heartbeat();
    }, options.heartbeatMs ?? 25_000);
    this.heartbeat.unref();
  }

  /** Takes an accepted socket of someone allowed in, and puts it into the meeting's room. */
  async connect(socket: WebSocket, meeting: RoomMeeting, access: RoomAccess): Promise<void> {
    const conn = new Connection(socket, access, this.limits);
    this.connections.add(conn);
    // Messages may arrive while the room loads: keep them, in order, until it is ready.
    let room: Room | null = null;
    const early: [RawData, boolean][] = [];
    socket.on("message", (data, isBinary) => {
      if (room) this.dispatch(room, conn, data, isBinary);
      else early.push([data, isBinary]);
    });
    socket.on("close", () => {
      conn.closed = true;
      this.connections.delete(conn);
      if (room) this.leave(room, conn);
    });
    try {
      const ready = await this.join(meeting, conn);
      if (conn.closed) return this.leave(ready, conn);
      room = ready;
      for (const [data, isBinary] of early) this.dispatch(ready, conn, data, isBinary);
    } catch (error) {
      this.log.error({ err: error }, "live room failed to open");
      conn.close(liveCloseCodes.serverRestarting, "The meeting room could not open; retrying.");
    }
  }

  private async join(meeting: RoomMeeting, conn: Connection): Promise<Room> {
    for (;;) {
      const room = await this.roomFor(meeting);
      // The room may have emptied and started closing while this socket waited for it.
      if (this.rooms.get(meeting.id) === this.roomPromise(room)) {
        await room.join(conn);
        return room;
      }
    }
  }

  private readonly promises = new WeakMap<Room, Promise<Room>>();
  private roomPromise(room: Room) {
    return this.promises.get(room);
  }

  private roomFor(meeting: RoomMeeting): Promise<Room> {
    let found = this.rooms.get(meeting.id);
    if (!found) {
      const room = new Room(meeting, {
        db: this.db,
        bus: this.bus,
        onError: (e) => this.log.error({ err: e }),
      });
      found = (async () => {
        await this.closing.get(meeting.id);
        await room.open();
        return room;
      })();
      this.promises.set(room, found);
      this.rooms.set(meeting.id, found);
      found.catch(() => this.rooms.delete(meeting.id));
    }
    return found;
  }

  private leave(room: Room, conn: Connection): void {
    room.leave(conn);
    if (room.connections.size > 0 || this.rooms.get(room.meeting.id) !== this.roomPromise(room)) return;
    this.rooms.delete(room.meeting.id);
    const closing = room
      .close()
      .catch((error) => this.log.error({ err: error }, "live room failed to close"));
    this.closing.set(room.meeting.id, closing);
    void closing.then(() => {
      if (this.closing.get(room.meeting.id) === closing) this.closing.delete(room.meeting.id);
    });
  }

  private dispatch(room: Room, conn: Connection, data: RawData, isBinary: boolean): void {
    const bytes = Buffer.isBuffer(data)
      ? data
      : Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.from(data);
    if (isBinary) this.dispatchNotes(room, conn, bytes);
    else if (bytes.length > MAX_TEXT_BYTES)
      conn.send({ type: "error", problem: { status: 413, title: "That message is too large to send." } });
    else if (!conn.allowText())
      conn.send({
        type: "error",
        problem: { status: 429, title: "You are sending messages too quickly; wait a moment and try again." },
      });
    else void handleText(room, conn, bytes.toString("utf8")).catch((error) => this.log.error({ err: error }));
  }

  /** A notes frame; an edit dropped for going too fast would be lost, so the socket resyncs instead. */
  private dispatchNotes(room: Room, conn: Connection, bytes: Buffer): void {
    if (!conn.allowBinary()) {
      conn.close(liveCloseCodes.tooManyMessages, "Too many changes at once; reconnecting.");
      return;
    }
    try {
      room.notes.receive(conn, bytes, canWriteNotes(conn.access));
    } catch {
      conn.close(liveCloseCodes.badMessage, "The notes message could not be read.");
    }
  }

  /** Server shutdown: everyone is told to reconnect, and every room writes its notes. */
  async shutdown(): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    clearInterval(this.heartbeat);
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const conn of this.connections)
      conn.close(liveCloseCodes.serverRestarting, "The server is restarting.");
    this.rooms.clear();
    for (const result of rooms) if (result.status === "fulfilled") await result.value.close();
    await Promise.allSettled(this.closing.values());
  }
}
