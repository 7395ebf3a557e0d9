import type { LiveParticipant } from "../../shared/schemas/live.ts";
import {
  forgetAllSessionsHere,
  forgetHere,
  onSessionForgotten,
  type SessionForget,
} from "../http/auth/session-cache.ts";
import { clearReadCachesHere, onReadCachesInvalidated } from "../lib/read-cache.ts";

/**
 * Fan-out between server processes that serve the same meeting. A room delivers to its own sockets
 * directly and publishes to the bus for the others; every message names the room instance it came from
 * so a room skips its own. Messages stay small (a PostgreSQL NOTIFY carries at most 8,000 bytes): they
 * name what changed, and the receiving room reads it from the database, which is the truth anyway.
 */
export type BusMessage =
  /** The meeting's state reached `version`: read the state row if this room is behind. */
  | { type: "state"; version: number }
  /** A contribution was stored: read the new ones. */
  | { type: "contribution"; contributionId: string }
  | { type: "retracted"; contributionId: string }
  /** Yjs document update or awareness update, base64 (buses carry text); at most MAX_INLINE_UPDATE_BYTES. */
  | { type: "notes"; update: string }
  | { type: "awareness"; update: string }
  /** A notes update too large to carry was stored: read the notes again (Yjs merges what is known). */
  | { type: "notes_reload" }
  /** The participants connected to one process; rooms merge every process's list. */
  | { type: "presence"; participants: LiveParticipant[] }
  /** A room just opened on some process: the others announce who is connected to them. */
  | { type: "presence_request" }
  /** The bus was disconnected for a while and messages may be missing: read everything again. */
  | { type: "resync" };

export type BusEnvelope = { origin: string; message: BusMessage };
export type BusHandler = (envelope: BusEnvelope) => void;

/** Cache invalidations between processes (docs/decisions/0003); "all" after a bus reconnect. */
export type CacheMessage = { type: "reads" } | SessionForget | { type: "all" };

/** Larger Yjs updates travel as a `notes_reload` hint (base64 grows by a third; the envelope needs room). */
export const MAX_INLINE_UPDATE_BYTES = 4_096;

export interface Bus {
  publish(meetingId: string, envelope: BusEnvelope): void;
  /** Returns the function that unsubscribes. */
  subscribe(meetingId: string, handler: BusHandler): () => void;
  /** Tells the other processes to drop cached reads or sessions; never delivered back to this one. */
  publishCaches(message: CacheMessage): void;
  subscribeCaches(handler: (message: CacheMessage) => void): () => void;
  close(): Promise<void>;
}

/**
 * The bus of one process (or of several apps in one test process, to exercise cross-node fan-out).
 * Delivery is asynchronous, as it would be over a network, and in publish order. Caches are per
 * process, so there is nobody to tell about them.
 */
export class InProcessBus implements Bus {
  private readonly topics = new Map<string, Set<BusHandler>>();

  publish(meetingId: string, envelope: BusEnvelope): void {
    deliver(this.topics.get(meetingId), envelope);
  }

  subscribe(meetingId: string, handler: BusHandler): () => void {
    return addHandler(this.topics, meetingId, handler);
  }

  publishCaches(): void {}

  subscribeCaches(): () => void {
    return () => {};
  }

  async close(): Promise<void> {
    this.topics.clear();
  }
}

/** Hands `envelope` to a topic's handlers in a later microtask; a copy of the set, so one may unsubscribe. */
export function deliver(handlers: Set<BusHandler> | undefined, envelope: BusEnvelope): void {
  if (!handlers?.size) return;
  const now = [...handlers];
  queueMicrotask(() => {
    for (const handler of now) handler(envelope);
  });
}

export function addHandler(topics: Map<string, Set<BusHandler>>, topic: string, handler: BusHandler) {
  let handlers = topics.get(topic);
  if (!handlers) {
    handlers = new Set();
    topics.set(topic, handlers);
  }
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
    if (handlers.size === 0 && topics.get(topic) === handlers) topics.delete(topic);
  };
}

/**
 * Carries this process's cache invalidations (read caches after every write, sessions on sign-out,
 * deactivation, role change…) to the other processes over `bus`, and applies theirs here. Returns the
 * function that stops. Applying a remote one never publishes it again.
 */
export function shareCacheInvalidations(bus: Bus): () => void {
  const stops = [
    onReadCachesInvalidated(() => bus.publishCaches({ type: "reads" })),
    onSessionForgotten((forget) => bus.publishCaches(forget)),
    bus.subscribeCaches((message) => {
      if (message.type === "reads") clearReadCachesHere();
      else if (message.type === "all") {
        clearReadCachesHere();
        forgetAllSessionsHere();
      } else forgetHere(message);
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
