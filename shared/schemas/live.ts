import { z } from "zod";
import { contributionKindSchema } from "../protocols/definition.ts";
import { idSchema } from "./common.ts";

/**
 * The live meeting room's WebSocket protocol, shared by the server (server/realtime) and the browser
 * (web/features/live). Endpoint: GET /api/v1/meetings/:id/live (upgrade; session cookie; same origin).
 *
 * Text frames carry the JSON messages below. Binary frames carry the shared notes: y-protocols sync
 * and awareness messages for the meeting's Yjs document, unchanged, each prefixed as y-websocket does
 * with varUint 0 (sync) or 1 (awareness). The server opens with sync step 1; the text is getText("notes").
 *
 * The server is authoritative: clients send commands and render the state the server broadcasts.
 * Every state carries a version; a command names the version it was issued against, and a command
 * against an older version is refused (someone else moved the meeting on first).
 */

export const livePhases = ["not_started", "running", "paused", "ended"] as const;
export type LivePhase = (typeof livePhases)[number];

export const liveStateSchema = z.object({
  /** Increases by one with every applied command. */
  version: z.number().int(),
  phase: z.enum(livePhases),
  /** Index into the meeting's agenda items (ordered by position). */
  itemIndex: z.number().int(),
  /** Index into the current item's protocol steps; 0 for items without a protocol. */
  stepIndex: z.number().int(),
  /** Seconds the current step (or item) lasts, including time added. */
  durationSeconds: z.number().int(),
  /** When running: the instant the countdown reaches zero (ISO). Null otherwise. */
  endsAt: z.string().nullable(),
  /** When paused or not started: milliseconds left on the countdown. Null when running. */
  remainingMs: z.number().int().nullable(),
});
export type LiveState = z.infer<typeof liveStateSchema>;

export const liveParticipantSchema = z.object({
  personId: idSchema,
  name: z.string(),
  /** Meeting roles (facilitator, timekeeper, note_taker) and "presenter" for the current item. */
  roles: z.array(z.string()),
  /** Open connections (a phone and a laptop count as one person with two). */
  connections: z.number().int(),
});
export type LiveParticipant = z.infer<typeof liveParticipantSchema>;

export const liveContributionSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  agendaItemId: idSchema,
  stepIndex: z.number().int(),
  kind: contributionKindSchema,
  body: z.string(),
  /** Null when anonymous: the room never learns who wrote it. */
  author: z.object({ id: idSchema, name: z.string() }).nullable(),
  /** True for the receiving person's own contributions, anonymous or not. */
  mine: z.boolean(),
  createdAt: z.string(),
});
export type LiveContribution = z.infer<typeof liveContributionSchema>;

/**
 * Close codes of the live socket. After serverRestarting, tooSlow and tooManyMessages (and a dropped
 * network, 1006) the client reconnects and gets a fresh snapshot; after the 44xx codes it stops and shows
 * the close reason (signed out, no access to this meeting). A cross-site handshake is refused with HTTP 403.
 */
export const liveCloseCodes = {
  serverRestarting: 1001,
  tooSlow: 4008,
  tooManyMessages: 4029,
  badMessage: 4400,
  unauthenticated: 4401,
  notFound: 4404,
} as const;

export const liveCommands = ["start", "next", "back", "pause", "resume", "add_time", "goto", "end"] as const;
export type LiveCommandName = (typeof liveCommands)[number];

export const MAX_CONTRIBUTION_LENGTH = 2000;

export const clientMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("command"),
    /** Chosen by the client; echoed in the result. */
    requestId: z.string().max(64),
    command: z.enum(liveCommands),
    expectedVersion: z.number().int(),
    /** add_time: seconds to add (may be negative to take time off; the countdown never goes below 0). */
    seconds: z.number().int().min(-3600).max(3600).optional(),
    /** goto: where to go. */
    itemIndex: z.number().int().min(0).optional(),
    stepIndex: z.number().int().min(0).optional(),
  }),
  z.object({
    type: z.literal("contribute"),
    /** Generated once per contribution by the client and kept until acknowledged: retries are idempotent. */
    clientId: idSchema,
    agendaItemId: idSchema,
    stepIndex: z.number().int().min(0),
    kind: contributionKindSchema,
    body: z
      .string()
      .trim()
      .min(1, { message: "Write something before sending." })
      .max(MAX_CONTRIBUTION_LENGTH, {
        message: `Keep a contribution under ${MAX_CONTRIBUTION_LENGTH} characters.`,
      }),
    anonymous: z.boolean().default(false),
  }),
  z.object({ type: z.literal("retract"), contributionId: idSchema }),
  z.object({ type: z.literal("ping") }),
]);
export type ClientMessage = z.input<typeof clientMessageSchema>;

/** Why something was refused, in words a teacher can act on; `field` names the input at fault. */
export const liveProblemSchema = z.object({
  status: z.number().int(),
  title: z.string(),
  detail: z.string().optional(),
  field: z.string().optional(),
});
export type LiveProblem = z.infer<typeof liveProblemSchema>;

export type ServerMessage =
  | {
      type: "snapshot";
      state: LiveState;
      participants: LiveParticipant[];
      contributions: LiveContribution[];
      /** The server's clock (ISO), so clients can correct their countdown for clock skew. */
      serverTime: string;
      /** canContribute: false for observers (they watch; their note edits are ignored). Added later, so optional. */
      you: { personId: string; canRun: boolean; canContribute?: boolean };
    }
  | { type: "state"; state: LiveState; serverTime: string; by: string | null }
  | { type: "participants"; participants: LiveParticipant[] }
  | { type: "contribution"; contribution: LiveContribution }
  | { type: "retracted"; contributionId: string }
  | { type: "ack"; clientId: string; contributionId: string }
  | { type: "result"; requestId: string; ok: true; state: LiveState }
  | { type: "result"; requestId: string; ok: false; problem: LiveProblem; state: LiveState }
  | { type: "rejected"; clientId: string; problem: LiveProblem }
  | { type: "error"; problem: LiveProblem }
  | { type: "pong"; serverTime: string };
