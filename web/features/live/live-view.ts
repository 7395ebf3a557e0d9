import type {
  LiveContribution,
  LiveParticipant,
  LiveProblem,
  LiveState,
  ServerMessage,
} from "../../../shared/schemas/live.ts";
import type { PendingContribution } from "./outbox.ts";

/**
 * - connecting: first attempt, nothing shown yet
 * - live: connected and up to date
 * - reconnecting: the connection dropped; showing the last known state while retrying
 * - offline: the device says it has no network; waiting for it to come back
 * - closed: the server refused the room (signed out, not a member, no such meeting) or we left
 */
export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline" | "closed";

export interface RejectedContribution {
  entry: PendingContribution;
  problem: LiveProblem;
}

/** Everything the room screen renders, as one immutable value (a new object on every change). */
export interface LiveView {
  status: ConnectionStatus;
  state: LiveState | null;
  participants: readonly LiveParticipant[];
  /** Every contribution of the meeting, oldest first. */
  contributions: readonly LiveContribution[];
  you: Extract<ServerMessage, { type: "snapshot" }>["you"] | null;
  /** Written on this device, not yet acknowledged by the server. */
  pending: readonly PendingContribution[];
  rejected: readonly RejectedContribution[];
  /** The last refused facilitator command, in the server's words. */
  commandProblem: LiveProblem | null;
  /** The command sent and not yet answered, to show it is in progress. */
  pendingCommand: string | null;
  /** Why the room is closed (status "closed"), or another problem the server reported. */
  problem: LiveProblem | null;
  /** Milliseconds to add to Date.now() to get the server's time. */
  clockOffsetMs: number;
  /** The name of whoever made the last change to the state (the server sends it with "state"). */
  changedBy: string | null;
}

export const initialView: LiveView = {
  status: "connecting",
  state: null,
  participants: [],
  contributions: [],
  you: null,
  pending: [],
  rejected: [],
  commandProblem: null,
  pendingCommand: null,
  problem: null,
  clockOffsetMs: 0,
  changedBy: null,
};

/** Adds or replaces a contribution, keeping the list in the order they were written. */
export function upsertContribution(
  list: readonly LiveContribution[],
  contribution: LiveContribution,
): LiveContribution[] {
  const rest = list.filter((c) => c.id !== contribution.id);
  return [...rest, contribution].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** A state from the server, unless we already hold a newer one (a late "result" after a "state"). */
export function newerState(current: LiveState | null, incoming: LiveState): LiveState {
  return current && current.version > incoming.version ? current : incoming;
}

/** A random UUID (v4) that works on plain-http school networks, where crypto.randomUUID is absent. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
