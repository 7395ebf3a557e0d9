import type { WebSocket } from "ws";
import { liveCloseCodes, type ServerMessage } from "../../shared/schemas/live.ts";
import type { RoomAccess } from "./policy.ts";

/** Limits of one connection; the defaults suit people in a meeting, tests may tighten them. */
export type ConnectionLimits = {
  /** A socket whose unsent data passes this is hopelessly slow: dropped, it reconnects to a snapshot. */
  maxBufferedBytes: number;
  /** Text messages: burst and sustained rate per second. */
  textBurst: number;
  textPerSecond: number;
  /** Binary (notes) messages: every keystroke is one, plus cursor presence. */
  binaryBurst: number;
  binaryPerSecond: number;
};

export const defaultLimits: ConnectionLimits = {
  maxBufferedBytes: 8 * 1024 * 1024,
  textBurst: 40,
  textPerSecond: 10,
  binaryBurst: 400,
  binaryPerSecond: 100,
};

/** A token bucket: `take` is false once the burst is spent faster than it refills. */
class Bucket {
  private tokens: number;
  private last = Date.now();
  private readonly burst: number;
  private readonly perSecond: number;
  constructor(burst: number, perSecond: number) {
    this.burst = burst;
    this.perSecond = perSecond;
    this.tokens = burst;
  }
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One open socket of one person in one room. */
export class Connection {
  alive = true;
  closed = false;
  /** Yjs awareness client ids this socket announced (cleared when it leaves). */
  readonly awarenessIds = new Set<number>();
  private readonly text: Bucket;
  private readonly binary: Bucket;
  readonly socket: WebSocket;
  readonly access: RoomAccess;
  private readonly limits: ConnectionLimits;

  constructor(socket: WebSocket, access: RoomAccess, limits: ConnectionLimits) {
    this.socket = socket;
    this.access = access;
    this.limits = limits;
    this.text = new Bucket(limits.textBurst, limits.textPerSecond);
    this.binary = new Bucket(limits.binaryBurst, limits.binaryPerSecond);
    socket.on("pong", () => {
      this.alive = true;
    });
  }

  get personId(): string {
    return this.access.actor.id;
  }

  allowText(): boolean {
    return this.text.take();
  }
  allowBinary(): boolean {
    return this.binary.take();
  }

  send(message: ServerMessage): void {
    this.sendRaw(Buffer.from(JSON.stringify(message)), false);
  }

  /** Sends bytes serialised once for many sockets; drops the socket if it cannot keep up. */
  sendRaw(data: Buffer | Uint8Array, binary: boolean): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(liveCloseCodes.tooSlow, "Your connection fell behind; reconnecting.");
      this.socket.terminate();
      return;
    }
    this.socket.send(data, { binary });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }

  /** Heartbeat: a socket that did not answer the last ping is dead (a closed lid, a lost network). */
  heartbeat(): void {
    if (!this.alive) {
      this.closed = true;
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }
}
