import pg from "pg";
import { newId } from "../lib/ids.ts";
import {
  addHandler,
  type Bus,
  type BusEnvelope,
  type BusHandler,
  type BusMessage,
  type CacheMessage,
  deliver,
} from "./bus.ts";

/** Every process LISTENs on this one channel; a message names its meeting (or "" for caches). */
export const BUS_CHANNEL = "lamplight_bus";
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_900;
/** A larger message (the participant list of a big room) goes as base64 parts of this many characters. */
const PART_CHARS = 7_000;
/** Parts of a message still incomplete after this long are dropped (their sender lost its connection). */
const PART_TTL_MS = 30_000;
/** Payloads waiting to be sent; beyond this the database is not keeping up and the oldest are dropped. */
const MAX_QUEUED = 10_000;
const CACHES = "";

type Logger = { warn: (object: unknown, message?: string) => void };
export type PgBusOptions = { minBackoffMs?: number; maxBackoffMs?: number };

/** A whole message: sender (bus id), sequence, topic, the room it came from, the message. */
type Whole = { s: string; n: number; t: string; o: string; m: BusMessage | CacheMessage };
/** One part of a larger message: part i of c, a slice of the base64 of the whole message's JSON. */
type Part = { s: string; n: number; t: string; i: number; c: number; d: string };

/**
 * The bus between server processes: PostgreSQL LISTEN/NOTIFY on one dedicated connection per process,
 * which also sends (one connection keeps this process's messages in order). Messages of this process
 * are delivered to its own subscribers directly and skipped when they come back from the database.
 * When the connection drops, it reconnects with backoff; meanwhile rooms keep working locally and
 * nothing is queued: once back, every room here and elsewhere is told to read everything again.
 */
export class PgBus implements Bus {
  /** Tells this process's messages apart (several buses may share a test process). */
  readonly id = newId();
  private readonly topics = new Map<string, Set<BusHandler>>();
  private readonly cacheHandlers = new Set<(message: CacheMessage) => void>();
  private readonly parts = new Map<string, { pieces: string[]; got: number; since: number }>();
  private client: pg.Client | null = null;
  private ready = false;
  private everConnected = false;
  private closed = false;
  private backoffMs: number;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private queue: string[] = [];
  private flushing = false;
  private sequence = 0;
  /** The queued "clear the read caches" payload, if any (one per burst is enough). */
  private pendingReads: string | null = null;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly url: string;
  private readonly log: Logger;

  constructor(url: string, log: Logger, options: PgBusOptions = {}) {
    this.url = url;
    this.log = log;
    this.minBackoffMs = options.minBackoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.backoffMs = this.minBackoffMs;
  }

  /** Connects and listens. A failure is logged, not thrown: the bus keeps retrying in the background. */
  static async start(url: string, log: Logger, options: PgBusOptions = {}): Promise<PgBus> {
    const bus = new PgBus(url, log, options);
    await bus.connect();
    return bus;
  }

  /** True while LISTENing (tests wait for a reconnect with it). */
  get connected(): boolean {
    return this.ready;
  }

  publish(meetingId: string, envelope: BusEnvelope): void {
    deliver(this.topics.get(meetingId), envelope);
    this.send(meetingId, envelope.origin, envelope.message);
  }

  subscribe(meetingId: string, handler: BusHandler): () => void {
    return addHandler(this.topics, meetingId, handler);
  }

  publishCaches(message: CacheMessage): void {
    // After a burst of writes one "clear the read caches" is as good as many.
    if (message.type === "reads" && this.pendingReads && this.queue.includes(this.pendingReads)) return;
    const sent = this.send(CACHES, "", message);
    if (message.type === "reads") this.pendingReads = sent;
  }

  subscribeCaches(handler: (message: CacheMessage) => void): () => void {
    this.cacheHandlers.add(handler);
    return () => this.cacheHandlers.delete(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.topics.clear();
    this.cacheHandlers.clear();
    const client = this.client;
    this.client = null;
    this.ready = false;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = null;
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.url,
      application_name: `lamplight-bus ${this.id}`,
      keepAlive: true,
    });
    this.client = client;
    client.on("notification", (notification) => this.receive(notification.payload ?? ""));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${BUS_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.ready = true;
    this.backoffMs = this.minBackoffMs;
    if (this.everConnected) this.resync();
    this.everConnected = true;
    void this.flush();
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.ready = false;
    this.queue = [];
    this.parts.clear();
    void client.end().catch(() => {});
    if (this.closed) return;
    this.log.warn({ err: error }, `realtime bus disconnected; reconnecting in ${this.backoffMs} ms`);
    this.reconnectTimer = setTimeout(() => void this.connect(), this.backoffMs * (0.5 + Math.random() / 2));
    this.reconnectTimer.unref();
    this.backoffMs = Math.min(this.maxBackoffMs, this.backoffMs * 2);
  }

  /**
   * Back after a disconnect: what happened meanwhile, here or elsewhere, was not heard. Rooms here and on
   * the other processes read everything again, and caches everywhere are dropped.
   */
  private resync(): void {
    const resync: BusEnvelope = { origin: `bus:${this.id}`, message: { type: "resync" } };
    for (const meetingId of this.topics.keys()) this.publish(meetingId, resync);
    this.publishCaches({ type: "all" });
    for (const handler of this.cacheHandlers) handler({ type: "all" });
  }

  /** Queues a message; returns its payload when it went whole. */
  private send(topic: string, origin: string, message: BusMessage | CacheMessage): string | null {
    // Nothing is kept while disconnected: the reconnect's resync makes everyone read the database.
    if (!this.ready) return null;
    const whole: Whole = { s: this.id, n: ++this.sequence, t: topic, o: origin, m: message };
    const json = JSON.stringify(whole);
    if (Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES) this.queue.push(json);
    else {
      const data = Buffer.from(json).toString("base64");
      const c = Math.ceil(data.length / PART_CHARS);
      const n = ++this.sequence;
      for (let i = 0; i < c; i++) {
        const part: Part = {
          s: this.id,
          n,
          t: topic,
          i,
          c,
          d: data.slice(i * PART_CHARS, (i + 1) * PART_CHARS),
        };
        this.queue.push(JSON.stringify(part));
      }
    }
    if (this.queue.length > MAX_QUEUED) {
      this.queue.splice(0, this.queue.length - MAX_QUEUED);
      this.log.warn({}, "realtime bus is behind; dropped the oldest messages");
    }
    if (!this.flushing) queueMicrotask(() => void this.flush());
    return json;
  }

  /**
   * Sends what is queued, many payloads per statement (one transaction: delivered together, in order).
   * Every payload carries a sequence number, so PostgreSQL's folding of identical ones never applies.
   */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.ready && this.client && this.queue.length > 0) {
        const batch = this.queue.splice(0, 100);
        await this.client.query("select pg_notify($1, p) from unnest($2::text[]) as p", [BUS_CHANNEL, batch]);
      }
    } catch (error) {
      // The connection's own error event reconnects; these messages are covered by the resync.
      this.log.warn({ err: error }, "realtime bus could not send");
    } finally {
      this.flushing = false;
    }
  }

  private receive(payload: string): void {
    let parsed: Whole | Part;
    try {
      parsed = JSON.parse(payload) as Whole | Part;
    } catch {
      return;
    }
    if (typeof parsed !== "object" || !parsed || parsed.s === this.id) return;
    if (parsed.t !== CACHES && !this.topics.has(parsed.t)) return;
    const whole = "d" in parsed ? this.assemble(parsed) : parsed;
    if (!whole || typeof whole.m !== "object" || !whole.m) return;
    try {
      if (whole.t === CACHES) for (const handler of this.cacheHandlers) handler(whole.m as CacheMessage);
      else deliver(this.topics.get(whole.t), { origin: whole.o, message: whole.m as BusMessage });
    } catch (error) {
      this.log.warn({ err: error }, "realtime bus message could not be applied");
    }
  }

  private assemble(part: Part): Whole | null {
    const key = `${part.s}:${part.n}`;
    const now = Date.now();
    for (const [k, entry] of this.parts) if (now - entry.since > PART_TTL_MS) this.parts.delete(k);
    let entry = this.parts.get(key);
    if (!entry) {
      entry = { pieces: new Array<string>(part.c), got: 0, since: now };
      this.parts.set(key, entry);
    }
    if (entry.pieces[part.i] === undefined) {
      entry.pieces[part.i] = part.d;
      entry.got += 1;
    }
    if (entry.got < part.c) return null;
    this.parts.delete(key);
    try {
      return JSON.parse(Buffer.from(entry.pieces.join(""), "base64").toString("utf8")) as Whole;
    } catch {
      return null;
    }
  }
}
