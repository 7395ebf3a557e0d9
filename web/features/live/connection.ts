import type { ContributionKind } from "../../../shared/protocols/definition.ts";
import type { ClientMessage, LiveCommandName, ServerMessage } from "../../../shared/schemas/live.ts";
import { reconnectDelay } from "./backoff.ts";
import { ServerClock } from "./clock.ts";
import type { LiveEnvironment } from "./environment.ts";
import { initialView, type LiveView, newClientId, newerState, upsertContribution } from "./live-view.ts";
import { NotesSync } from "./notes-sync.ts";
import { Outbox, outboxKey, type PendingContribution } from "./outbox.ts";

/** A ping every 20 s keeps proxies from closing an idle socket and refreshes the clock estimate. */
const PING_INTERVAL_MS = 20_000;
/** No word from the server for this long: the connection is dead even if the socket looks open. */
const SILENCE_LIMIT_MS = 50_000;
/** After the page becomes visible again, how long a probe ping may take before we reconnect. */
const WAKE_PROBE_MS = 5_000;

export interface LiveConnectionOptions {
  url: string;
  meetingId: string;
  personId: string;
  env: LiveEnvironment;
}

export interface ContributionInput {
  agendaItemId: string;
  stepIndex: number;
  kind: ContributionKind;
  body: string;
  anonymous: boolean;
}

export interface CommandOptions {
  seconds?: number;
  itemIndex?: number;
  stepIndex?: number;
}

/**
 * The browser's side of a live meeting room: one WebSocket that reconnects by itself, the last state
 * the server sent, the outbox of unacknowledged contributions and the shared notes. Framework-free;
 * React reads it through subscribe/getView (useSyncExternalStore).
 */
export class LiveConnection {
  readonly notes: NotesSync;
  private view: LiveView = initialView;
  private readonly listeners = new Set<() => void>();
  private readonly outbox: Outbox;
  private readonly clock = new ServerClock();
  private socket: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeardAt = 0;
  private pingSentAt: number | null = null;
  private running = false;
  private readonly unsubscribers: (() => void)[] = [];

  private readonly options: LiveConnectionOptions;

  constructor(options: LiveConnectionOptions) {
    this.options = options;
    this.outbox = new Outbox(options.env.storage, outboxKey(options.meetingId, options.personId));
    this.view = { ...initialView, pending: this.outbox.list() };
    this.notes = new NotesSync((frame) => this.sendRaw(frame));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): LiveView => this.view;

  start(): void {
    if (this.running) return;
    this.running = true;
    const { env } = this.options;
    this.unsubscribers.push(
      env.onNetworkChange((online) => (online ? this.reconnectNow() : this.goOffline())),
      env.onVisible(() => this.onWake()),
    );
    this.connect();
  }

  stop(): void {
    this.running = false;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.clearRetry();
    this.dropSocket();
    this.update({ status: "closed" });
    this.notes.destroy();
  }

  /** Keeps the contribution on this device first, then sends it if connected (else on reconnect). */
  contribute(input: ContributionInput): PendingContribution {
    const entry: PendingContribution = {
      ...input,
      clientId: newClientId(),
      createdAt: new Date().toISOString(),
    };
    this.outbox.add(entry);
    this.update({ pending: this.outbox.list() });
    if (this.view.status === "live") this.sendContribution(entry);
    return entry;
  }

  retract(contributionId: string): boolean {
    return this.sendJson({ type: "retract", contributionId });
  }

  /** Sends a facilitator command against the state on screen; false when not connected. */
  command(command: LiveCommandName, extra: CommandOptions = {}): boolean {
    const state = this.view.state;
    if (!state || this.view.status !== "live") return false;
    const sent = this.sendJson({
      type: "command",
      requestId: newClientId(),
      command,
      expectedVersion: state.version,
      ...extra,
    });
    if (sent) this.update({ pendingCommand: command, commandProblem: null });
    return sent;
  }

  dismissRejected(clientId: string): void {
    this.update({ rejected: this.view.rejected.filter((r) => r.entry.clientId !== clientId) });
  }

  dismissCommandProblem(): void {
    this.update({ commandProblem: null });
  }

  private connect(): void {
    if (!this.running) return;
    if (!this.options.env.isOnline()) {
      this.update({ status: "offline" });
      return;
    }
    let socket: WebSocket;
    try {
      socket = this.options.env.createSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.lastHeardAt = Date.now();
      this.startHeartbeat();
    };
    socket.onmessage = (event: MessageEvent) => {
      if (socket !== this.socket) return;
      this.lastHeardAt = Date.now();
      if (typeof event.data === "string") this.receiveJson(event.data);
      else if (event.data instanceof ArrayBuffer) this.notes.receive(new Uint8Array(event.data));
    };
    socket.onclose = (event: CloseEvent) => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.afterDisconnect();
      // 4400–4499: the server refused for good (not signed in, not a member, no such meeting).
      if (event.code >= 4400 && event.code < 4500) {
        this.update({
          status: "closed",
          problem: this.view.problem ?? { status: event.code - 4000, title: event.reason },
        });
        return;
      }
      this.scheduleReconnect();
    };
  }

  private receiveJson(raw: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(raw) as ServerMessage;
    } catch {
      return;
    }
    const receivedAt = Date.now();
    switch (message.type) {
      case "snapshot":
        this.onSnapshot(message, receivedAt);
        return;
      case "state":
        this.clock.sampleOneWay(message.serverTime, receivedAt);
        this.update({
          state: newerState(this.view.state, message.state),
          changedBy: message.by,
          clockOffsetMs: this.clock.offsetMs,
        });
        return;
      case "participants":
        this.update({ participants: message.participants });
        return;
      case "contribution":
        if (message.contribution.mine) this.outbox.remove(message.contribution.clientId);
        this.update({
          contributions: upsertContribution(this.view.contributions, message.contribution),
          pending: this.outbox.list(),
        });
        return;
      case "retracted":
        this.update({
          contributions: this.view.contributions.filter((c) => c.id !== message.contributionId),
        });
        return;
      case "ack":
        this.outbox.remove(message.clientId);
        this.update({ pending: this.outbox.list() });
        return;
      case "rejected": {
        const entry = this.outbox.remove(message.clientId);
        if (!entry) return;
        this.update({
          pending: this.outbox.list(),
          rejected: [...this.view.rejected, { entry, problem: message.problem }],
        });
        return;
      }
      case "result":
        this.update({
          state: newerState(this.view.state, message.state),
          pendingCommand: null,
          commandProblem: message.ok ? null : message.problem,
        });
        return;
      case "error":
        this.update({ problem: message.problem });
        return;
      case "pong":
        if (this.pingSentAt !== null) {
          this.clock.sampleRoundTrip(message.serverTime, this.pingSentAt, receivedAt);
          this.pingSentAt = null;
        }
        this.update({ clockOffsetMs: this.clock.offsetMs });
        return;
    }
  }

  private onSnapshot(message: Extract<ServerMessage, { type: "snapshot" }>, receivedAt: number): void {
    this.attempt = 0;
    this.clock.reset();
    this.clock.sampleOneWay(message.serverTime, receivedAt);
    // Anything the server already has (its ack was lost with the old connection) leaves the outbox.
    for (const contribution of message.contributions) {
      if (contribution.mine) this.outbox.remove(contribution.clientId);
    }
    this.update({
      status: "live",
      state: message.state,
      participants: message.participants,
      contributions: [...message.contributions].sort(
        (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
      ),
      you: message.you,
      pending: this.outbox.list(),
      pendingCommand: null,
      problem: null,
      clockOffsetMs: this.clock.offsetMs,
    });
    for (const entry of this.outbox.list()) this.sendContribution(entry);
    // Only now: the server listens once it has joined us to the room (the snapshot says it has).
    this.notes.connect();
    this.ping();
  }

  private sendContribution(entry: PendingContribution): void {
    this.sendJson({
      type: "contribute",
      clientId: entry.clientId,
      agendaItemId: entry.agendaItemId,
      stepIndex: entry.stepIndex,
      kind: entry.kind,
      body: entry.body,
      anonymous: entry.anonymous,
    });
  }

  private sendJson(message: ClientMessage): boolean {
    return this.sendRaw(JSON.stringify(message));
  }

  private sendRaw(data: string | Uint8Array): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    try {
      socket.send(data);
      return true;
    } catch {
      return false;
    }
  }

  private ping(): void {
    if (this.sendJson({ type: "ping" })) this.pingSentAt = Date.now();
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeardAt > SILENCE_LIMIT_MS) this.reconnectNow();
      else this.ping();
    }, PING_INTERVAL_MS);
  }

  private stopHeartbeat(): void {
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  /** After sleep the socket may look open but be dead: probe it, and reconnect if nothing answers. */
  private onWake(): void {
    if (!this.running) return;
    if (!this.socket) {
      this.reconnectNow();
      return;
    }
    const probeSentAt = Date.now();
    this.ping();
    setTimeout(() => {
      if (this.running && this.lastHeardAt < probeSentAt) this.reconnectNow();
    }, WAKE_PROBE_MS);
  }

  private reconnectNow(): void {
    if (!this.running || this.view.status === "closed") return;
    this.clearRetry();
    this.attempt = 0;
    this.dropSocket();
    this.update({ status: this.view.state ? "reconnecting" : "connecting" });
    this.connect();
  }

  /** The device lost its network: close at once (the browser may keep a dead socket open for minutes). */
  private goOffline(): void {
    if (!this.running || this.view.status === "closed") return;
    this.clearRetry();
    this.dropSocket();
    this.update({ status: "offline" });
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    this.clearRetry();
    const delay = reconnectDelay(this.attempt, { random: this.options.env.random });
    this.attempt += 1;
    this.update({ status: this.view.state ? "reconnecting" : "connecting" });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Detaches the current socket (its late events are ignored) and closes it. */
  private dropSocket(): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    this.afterDisconnect();
    try {
      socket.close();
    } catch {
      // already closing
    }
  }

  private afterDisconnect(): void {
    this.stopHeartbeat();
    this.pingSentAt = null;
    this.notes.disconnect();
    if (this.view.pendingCommand) this.update({ pendingCommand: null });
  }

  private update(patch: Partial<LiveView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }
}
