import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { Db } from "../db/client.ts";
import type { RoomMeeting } from "./access.ts";
import { Connection } from "./connection.ts";
import { appendNoteUpdate, compactNotes, loadNotesInto } from "./notes-store.ts";

/** Binary frames: the message types of y-websocket (one varUint, then the y-protocols payload). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

/** Compaction folds the appended updates into one state after this many. */
export const COMPACT_AFTER = 200;

/** Where a change came from: a socket of this room, another process (bus) or the database. */
type Origin = Connection | "bus" | "store";

export type NotesHooks = {
  /** Sends bytes to every local socket of the room except `except`. */
  broadcast: (data: Uint8Array, except: Connection | null) => void;
  /** Hands a local change to other processes. */
  publish: (kind: "notes" | "awareness", update: Uint8Array) => void;
  onError: (error: unknown) => void;
};

/**
 * A meeting's shared notes while its room is open: one Yjs document spoken over y-protocols (sync and
 * awareness). Each update from a socket is appended to the database as it arrives; observers' updates are
 * ignored (they read only).
 */
export class NotesDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private writes: Promise<void> = Promise.resolve();
  private appended = 0;
  private readonly db: Db;
  private readonly meeting: RoomMeeting;
  private readonly hooks: NotesHooks;

  constructor(db: Db, meeting: RoomMeeting, hooks: NotesHooks) {
    this.db = db;
    this.meeting = meeting;
    this.hooks = hooks;
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: Origin) => this.onUpdate(update, origin));
    this.awareness.on("update", (change: AwarenessChange, origin: Origin) =>
      this.onAwareness(change, origin),
    );
  }

  async load(): Promise<void> {
    await loadNotesInto(this.db, this.meeting.id, this.doc, "store");
  }

  /** The first message a new socket gets: the server's state vector (the client answers with what it has). */
  greet(conn: Connection): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    conn.sendRaw(encoding.toUint8Array(encoder), true);
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length > 0) conn.sendRaw(awarenessMessage(this.awareness, ids), true);
  }

  /** A binary frame from a socket. */
  receive(conn: Connection, data: Uint8Array, canWrite: boolean): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.readSyncStep1(decoder, encoder, this.doc);
        conn.sendRaw(encoding.toUint8Array(encoder), true);
      } else if (canWrite) {
        // Step 2 and updates both carry a Yjs update; the socket is the origin so it is not echoed back.
        syncProtocol.readSyncStep2(decoder, this.doc, conn, this.hooks.onError);
      }
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), conn);
    }
  }

  /** Applies a change another process published. */
  receiveFromBus(kind: "notes" | "awareness", update: Uint8Array): void {
    if (kind === "notes") Y.applyUpdate(this.doc, update, "bus");
    else awarenessProtocol.applyAwarenessUpdate(this.awareness, update, "bus");
  }

  /** A socket left: its cursors disappear for everyone. */
  leave(conn: Connection): void {
    if (conn.awarenessIds.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
  }

  /** Resolves once every update received so far is in the database. */
  flush(): Promise<void> {
    return this.writes;
  }

  /** Writes everything, folds it into one state, and releases the document. */
  async close(): Promise<void> {
    await this.flush();
    if (this.appended > 0) await compactNotes(this.db, this.meeting, this.doc, "store");
    this.awareness.destroy();
    this.doc.destroy();
  }

  private onUpdate(update: Uint8Array, origin: Origin): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    this.hooks.broadcast(encoding.toUint8Array(encoder), origin instanceof Connection ? origin : null);
    if (!(origin instanceof Connection)) return;
    this.hooks.publish("notes", update);
    this.appended += 1;
    const compact = this.appended % COMPACT_AFTER === 0;
    this.writes = this.writes
      .then(() => appendNoteUpdate(this.db, this.meeting, update))
      .then(() => (compact ? compactNotes(this.db, this.meeting, this.doc, "store") : undefined))
      .catch(this.hooks.onError);
  }

  private onAwareness({ added, updated, removed }: AwarenessChange, origin: Origin): void {
    if (origin instanceof Connection) {
      for (const id of [...added, ...updated]) origin.awarenessIds.add(id);
      for (const id of removed) origin.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = awarenessMessage(this.awareness, changed);
    this.hooks.broadcast(message, origin instanceof Connection ? origin : null);
    if (origin instanceof Connection || origin === null)
      this.hooks.publish("awareness", awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

function awarenessMessage(awareness: awarenessProtocol.Awareness, ids: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, ids));
  return encoding.toUint8Array(encoder);
}
