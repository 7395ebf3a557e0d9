import type {
  LiveContribution,
  LiveParticipant,
  LiveState,
  ServerMessage,
} from "../../shared/schemas/live.ts";
import type { Db } from "../db/client.ts";
import { newId } from "../lib/ids.ts";
import type { RoomMeeting } from "./access.ts";
import type { Bus, BusEnvelope, BusMessage } from "./bus.ts";
import type { Connection } from "./connection.ts";
import { listContributions, recordJoin, type StoredContribution } from "./contributions-store.ts";
import { loadPlan, loadState, type RoomPlan } from "./live-store.ts";
import { NotesDoc } from "./notes-doc.ts";
import { canContribute, canRun } from "./policy.ts";

export type RoomDeps = { db: Db; bus: Bus; onError: (error: unknown) => void };

/**
 * One meeting's room in this process: its state (authoritative, persisted before it is broadcast), the
 * contributions, the shared notes and who is connected. Opened from the database when the first socket
 * joins, so a restarted server resumes where the meeting was; closed when the last one leaves.
 */
export class Room {
  readonly id = newId();
  readonly connections = new Set<Connection>();
  plan!: RoomPlan;
  state!: LiveState;
  /** Who applied the last command (named in "someone already moved on"). */
  lastBy: string | null = null;
  contributions: StoredContribution[] = [];
  readonly notes: NotesDoc;
  /** Commands and contributions of this room run one at a time, in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly joined = new Set<string>();
  private readonly remotePresence = new Map<string, LiveParticipant[]>();
  private participantsTimer: NodeJS.Timeout | null = null;
  private unsubscribe: () => void = () => {};

  readonly meeting: RoomMeeting;
  readonly deps: RoomDeps;

  constructor(meeting: RoomMeeting, deps: RoomDeps) {
    this.meeting = meeting;
    this.deps = deps;
    this.notes = new NotesDoc(deps.db, meeting, {
      broadcast: (data, except) => this.broadcastRaw(data, true, except),
      publish: (kind, update) => this.publish({ type: kind, update: Buffer.from(update).toString("base64") }),
      onError: deps.onError,
    });
  }

  async open(): Promise<void> {
    this.plan = await loadPlan(this.deps.db, this.meeting.id);
    const { state, by } = await loadState(this.deps.db, this.meeting, this.plan.agenda);
    this.state = state;
    this.lastBy = by;
    this.contributions = await listContributions(this.deps.db, this.meeting.id);
    await this.notes.load();
    this.unsubscribe = this.deps.bus.subscribe(this.meeting.id, (envelope) => this.fromBus(envelope));
    this.publish({ type: "presence_request" });
  }

  /** Reads the state again (another process moved the meeting on) and shows it to everyone here. */
  async reload(): Promise<void> {
    const { state, by } = await loadState(this.deps.db, this.meeting, this.plan.agenda);
    this.state = state;
    this.lastBy = by;
    this.broadcast({ type: "state", state, serverTime: new Date().toISOString(), by });
  }

  /** Runs `task` after everything queued before it; errors are reported, never left unhandled. */
  serially(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch(this.deps.onError);
    return this.queue;
  }

  async join(conn: Connection): Promise<void> {
    this.connections.add(conn);
    if (!this.joined.has(conn.personId) && this.state.phase !== "ended") {
      this.joined.add(conn.personId);
      await recordJoin(this.deps.db, this.meeting, conn.personId);
    }
    conn.send({
      type: "snapshot",
      state: this.state,
      participants: this.participants(),
      contributions: this.contributions.map((c) => present(c, conn.personId)),
      serverTime: new Date().toISOString(),
      you: {
        personId: conn.personId,
        canRun: canRun(conn.access),
        canContribute: canContribute(conn.access),
      },
    });
    this.notes.greet(conn);
    this.participantsChanged();
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.notes.leave(conn);
    this.participantsChanged();
  }

  /** A new state was persisted here: everyone sees it, here and on other processes. */
  applied(state: LiveState, by: string | null): void {
    const itemChanged = state.itemIndex !== this.state.itemIndex;
    this.state = state;
    this.lastBy = by;
    this.broadcast({ type: "state", state, serverTime: new Date().toISOString(), by });
    this.publish({ type: "state", state, by });
    // The presenter is per item, and the participant list names who presents now.
    if (itemChanged) this.participantsChanged();
  }

  added(contribution: StoredContribution): void {
    this.contributions.push(contribution);
    this.fanOutContribution(contribution);
    this.publish({ type: "contribution", contribution });
  }

  retracted(contributionId: string): void {
    this.contributions = this.contributions.filter((c) => c.id !== contributionId);
    this.broadcast({ type: "retracted", contributionId });
    this.publish({ type: "retracted", contributionId });
  }

  /** Serialised once for every socket. */
  broadcast(message: ServerMessage): void {
    this.broadcastRaw(Buffer.from(JSON.stringify(message)), false, null);
  }

  broadcastRaw(data: Uint8Array, binary: boolean, except: Connection | null): void {
    for (const conn of this.connections) if (conn !== except) conn.sendRaw(data, binary);
  }

  /** People with open sockets here and on other processes, with their roles. */
  participants(): LiveParticipant[] {
    const byPerson = new Map<string, LiveParticipant>();
    const presenter = this.plan.presenters[this.state.itemIndex] ?? null;
    for (const conn of this.connections) {
      const { id, name } = conn.access.actor;
      const known = byPerson.get(id);
      if (known) known.connections += 1;
      else {
        const roles: string[] = [...(this.plan.roles.get(id) ?? [])];
        if (id === presenter) roles.push("presenter");
        byPerson.set(id, { personId: id, name, roles, connections: 1 });
      }
    }
    const local = [...byPerson.values()].map((p) => ({ ...p }));
    for (const list of this.remotePresence.values())
      for (const p of list) {
        const known = byPerson.get(p.personId);
        if (known) known.connections += p.connections;
        else byPerson.set(p.personId, { ...p });
      }
    this.localPresence = local;
    return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private localPresence: LiveParticipant[] = [];

  /**
   * Join and leave storms (a whole school opening the room at 15:30) would send the growing list to
   * everyone once per join; the list is sent at most every so often, later the larger the room.
   */
  private participantsChanged(): void {
    if (this.participantsTimer) return;
    const delay = Math.min(2000, 20 + this.connections.size * 2);
    this.participantsTimer = setTimeout(() => {
      this.participantsTimer = null;
      this.broadcast({ type: "participants", participants: this.participants() });
      this.publish({ type: "presence", participants: this.localPresence });
    }, delay);
  }

  private fanOutContribution(contribution: StoredContribution): void {
    // Two serialisations, not one per socket: the author's own sockets see `mine: true`.
    const others = Buffer.from(
      JSON.stringify({ type: "contribution", contribution: present(contribution, null) }),
    );
    const mine = Buffer.from(
      JSON.stringify({ type: "contribution", contribution: present(contribution, contribution.authorId) }),
    );
    for (const conn of this.connections)
      conn.sendRaw(conn.personId === contribution.authorId ? mine : others, false);
  }

  private publish(message: BusMessage): void {
    this.deps.bus.publish(this.meeting.id, { origin: this.id, message });
  }

  private fromBus({ origin, message }: BusEnvelope): void {
    if (origin === this.id) return;
    const now = () => new Date().toISOString();
    if (message.type === "state") {
      this.state = message.state;
      this.lastBy = message.by;
      this.broadcast({ type: "state", state: message.state, serverTime: now(), by: message.by });
    } else if (message.type === "contribution") {
      this.contributions.push(message.contribution);
      this.fanOutContribution(message.contribution);
    } else if (message.type === "retracted") {
      this.contributions = this.contributions.filter((c) => c.id !== message.contributionId);
      this.broadcast({ type: "retracted", contributionId: message.contributionId });
    } else if (message.type === "presence_request") {
      this.participants();
      if (this.localPresence.length > 0) this.publish({ type: "presence", participants: this.localPresence });
    } else if (message.type === "presence") {
      if (message.participants.length === 0) this.remotePresence.delete(origin);
      else this.remotePresence.set(origin, message.participants);
      this.broadcast({ type: "participants", participants: this.participants() });
    } else {
      this.notes.receiveFromBus(message.type, Buffer.from(message.update, "base64"));
    }
  }

  /** Writes the notes, folds them, and leaves the bus. Called once nobody is connected. */
  async close(): Promise<void> {
    if (this.participantsTimer) clearTimeout(this.participantsTimer);
    this.publish({ type: "presence", participants: [] });
    this.unsubscribe();
    await this.queue;
    await this.notes.close();
  }
}

/** The wire shape of a contribution for one recipient. */
export function present(c: StoredContribution, viewerId: string | null): LiveContribution {
  const { authorId, ...rest } = c;
  return { ...rest, mine: authorId === viewerId };
}
