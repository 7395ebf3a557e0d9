import type {
  LiveContribution,
  LiveParticipant,
  LiveState,
  ServerMessage,
} from "../../shared/schemas/live.ts";
import type { Db } from "../db/client.ts";
import { newId } from "../lib/ids.ts";
import type { RoomMeeting } from "./access.ts";
import { type Bus, type BusEnvelope, type BusMessage, MAX_INLINE_UPDATE_BYTES } from "./bus.ts";
import type { Connection } from "./connection.ts";
import { listContributions, recordJoin, type StoredContribution } from "./contributions-store.ts";
import { loadPlan, loadState, type RoomPlan } from "./live-store.ts";
import { NotesDoc } from "./notes-doc.ts";
import { loadNotesInto } from "./notes-store.ts";
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
  /** Contributions taken back, so a read of the list that started before the retraction cannot revive one. */
  private readonly retractedIds = new Set<string>();
  /** Reads after a bus message; a burst of messages costs at most two reads (see `coalesced`). */
  private readonly refreshState = coalesced(
    () => this.readState(),
    (e) => this.deps.onError(e),
  );
  private readonly refreshContributions = coalesced(
    () => this.serially(() => this.readContributions()),
    (e) => this.deps.onError(e),
  );

  readonly meeting: RoomMeeting;
  readonly deps: RoomDeps;

  constructor(meeting: RoomMeeting, deps: RoomDeps) {
    this.meeting = meeting;
    this.deps = deps;
    this.notes = new NotesDoc(deps.db, meeting, {
      broadcast: (data, except) => this.broadcastRaw(data, true, except),
      publish: (kind, update) => this.publishNotes(kind, update),
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
    // Whatever another process changed between the reads above and subscribing was not heard: look again.
    this.refreshState();
    this.refreshContributions();
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
    const presenterChanged = this.presenterChanges(state);
    this.state = state;
    this.lastBy = by;
    this.broadcast({ type: "state", state, serverTime: new Date().toISOString(), by });
    this.publish({ type: "state", version: state.version });
    if (presenterChanged) this.participantsChanged();
  }

  added(contribution: StoredContribution): void {
    this.contributions.push(contribution);
    this.fanOutContribution(contribution);
    this.publish({ type: "contribution", contributionId: contribution.id });
  }

  retracted(contributionId: string): void {
    this.retractedIds.add(contributionId);
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

  /**
   * Small Yjs updates travel whole. A larger one (a pasted page) goes as a hint once it is stored, and
   * the other processes read the notes; a large awareness update (cursors) is left out, as the next
   * one replaces it anyway.
   */
  private publishNotes(kind: "notes" | "awareness", update: Uint8Array): void {
    if (update.byteLength <= MAX_INLINE_UPDATE_BYTES)
      this.publish({ type: kind, update: Buffer.from(update).toString("base64") });
    else if (kind === "notes")
      // The notes queue this update's write right after this call: wait for it, then tell.
      void Promise.resolve()
        .then(() => this.notes.flush())
        .then(() => this.publish({ type: "notes_reload" }));
  }

  private fromBus({ origin, message }: BusEnvelope): void {
    if (origin === this.id) return;
    switch (message.type) {
      case "state":
        if (message.version > this.state.version) this.refreshState();
        return;
      case "contribution":
        if (!this.contributions.some((c) => c.id === message.contributionId)) this.refreshContributions();
        return;
      case "retracted":
        this.retractedIds.add(message.contributionId);
        this.contributions = this.contributions.filter((c) => c.id !== message.contributionId);
        this.broadcast({ type: "retracted", contributionId: message.contributionId });
        return;
      case "presence_request":
        this.participants();
        if (this.localPresence.length > 0)
          this.publish({ type: "presence", participants: this.localPresence });
        return;
      case "presence":
        if (message.participants.length === 0) this.remotePresence.delete(origin);
        else this.remotePresence.set(origin, message.participants);
        this.broadcast({ type: "participants", participants: this.participants() });
        return;
      case "notes_reload":
        void loadNotesInto(this.deps.db, this.meeting.id, this.notes.doc, "bus").catch(this.deps.onError);
        return;
      case "resync":
        this.resync();
        return;
      default:
        this.notes.receiveFromBus(message.type, Buffer.from(message.update, "base64"));
    }
  }

  /** The bus was disconnected: whatever other processes did meanwhile is read from the database. */
  private resync(): void {
    this.refreshState();
    this.refreshContributions();
    void loadNotesInto(this.deps.db, this.meeting.id, this.notes.doc, "bus").catch(this.deps.onError);
    this.publish({ type: "presence_request" });
  }

  /** Reads the state row; shown only if it is newer than what this room has (reads may finish out of order). */
  private async readState(): Promise<void> {
    const { state, by } = await loadState(this.deps.db, this.meeting, this.plan.agenda);
    if (state.version <= this.state.version) return;
    const presenterChanged = this.presenterChanges(state);
    this.state = state;
    this.lastBy = by;
    this.broadcast({ type: "state", state, serverTime: new Date().toISOString(), by });
    if (presenterChanged) this.participantsChanged();
  }

  /**
   * The participant list names who presents the current item, so it is sent again when the presenter
   * changes — not on every new item: a list of a thousand people is large, and most items have the same
   * presenter as the one before, or none.
   */
  private presenterChanges(next: LiveState): boolean {
    const presenters = this.plan.presenters;
    return (presenters[next.itemIndex] ?? null) !== (presenters[this.state.itemIndex] ?? null);
  }

  /**
   * Reads the contributions and shows what changed. Runs in the room's queue, so no contribution of this
   * process is half-stored meanwhile: one missing from the database was taken back elsewhere.
   */
  private async readContributions(): Promise<void> {
    const stored = await listContributions(this.deps.db, this.meeting.id);
    const known = new Set(this.contributions.map((c) => c.id));
    const current = new Set(stored.map((c) => c.id));
    for (const gone of this.contributions.filter((c) => !current.has(c.id))) {
      this.retractedIds.add(gone.id);
      this.broadcast({ type: "retracted", contributionId: gone.id });
    }
    this.contributions = this.contributions.filter((c) => current.has(c.id));
    for (const contribution of stored) {
      if (known.has(contribution.id) || this.retractedIds.has(contribution.id)) continue;
      this.contributions.push(contribution);
      this.fanOutContribution(contribution);
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

/**
 * Runs `task` now, or once more after the run in progress when asked meanwhile: a burst of bus messages
 * costs at most two reads, and the last read starts after the last message.
 */
function coalesced(task: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    do {
      again = false;
      await task().catch(onError);
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}

/** The wire shape of a contribution for one recipient. */
export function present(c: StoredContribution, viewerId: string | null): LiveContribution {
  const { authorId, ...rest } = c;
  return { ...rest, mine: authorId === viewerId };
}
