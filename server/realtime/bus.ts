import type { LiveParticipant, LiveState } from "../../shared/schemas/live.ts";
import type { StoredContribution } from "./contributions-store.ts";

/**
 * Fan-out between server processes that serve the same meeting. A room delivers to its own sockets
 * directly and publishes to the bus for the others; every message names the room instance it came from
 * so a room skips its own. With one process nothing listens; with several, a real transport (PostgreSQL
 * LISTEN/NOTIFY, see pg-bus.ts) carries the messages.
 */
export type BusMessage =
  | { type: "state"; state: LiveState; by: string | null }
  | { type: "contribution"; contribution: StoredContribution }
  | { type: "retracted"; contributionId: string }
  /** Yjs document update or awareness update, base64 (buses carry text). */
  | { type: "notes"; update: string }
  | { type: "awareness"; update: string }
  /** The participants connected to one process; rooms merge every process's list. */
  | { type: "presence"; participants: LiveParticipant[] }
  /** A room just opened on some process: the others announce who is connected to them. */
  | { type: "presence_request" };

export type BusEnvelope = { origin: string; message: BusMessage };
export type BusHandler = (envelope: BusEnvelope) => void;

export interface Bus {
  publish(meetingId: string, envelope: BusEnvelope): void;
  /** Returns the function that unsubscribes. */
  subscribe(meetingId: string, handler: BusHandler): () => void;
  close(): Promise<void>;
}

/**
 * The bus of one process (or of several apps in one test process, to exercise cross-node fan-out).
 * Delivery is asynchronous, as it would be over a network, and in publish order.
 */
export class InProcessBus implements Bus {
  private readonly topics = new Map<string, Set<BusHandler>>();

  publish(meetingId: string, envelope: BusEnvelope): void {
    const handlers = this.topics.get(meetingId);
    if (!handlers?.size) return;
    queueMicrotask(() => {
      for (const handler of handlers) handler(envelope);
    });
  }

  subscribe(meetingId: string, handler: BusHandler): () => void {
    let handlers = this.topics.get(meetingId);
    if (!handlers) {
      handlers = new Set();
      this.topics.set(meetingId, handlers);
    }
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0) this.topics.delete(meetingId);
    };
  }

  async close(): Promise<void> {
    this.topics.clear();
  }
}
