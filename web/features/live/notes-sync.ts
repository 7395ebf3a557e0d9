import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

/** The framing y-websocket uses and the server speaks: the first varUint says what follows. */
export const messageSync = 0;
export const messageAwareness = 1;

/**
 * The meeting's shared notes: a Yjs document and the awareness (who is where in it), synced over
 * binary frames of the room's WebSocket. Edits made while offline stay in the document and merge on
 * the next connection: sync step 1/2 exchange exactly what each side lacks.
 */
export class NotesSync {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private connected = false;

  private readonly send: (frame: Uint8Array) => void;

  constructor(send: (frame: Uint8Array) => void) {
    this.send = send;
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** The shared text the editor binds to. */
  get text(): Y.Text {
    return this.doc.getText("notes");
  }

  /** Name and colour shown on this person's cursor in everyone else's editor. */
  setUser(name: string, color: string, colorLight: string): void {
    this.awareness.setLocalStateField("user", { name, color, colorLight });
  }

  /** The room is joined (snapshot received): ask for what we lack and announce ourselves. */
  connect(): void {
    this.connected = true;
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, messageSync);
    syncProtocol.writeSyncStep1(sync, this.doc);
    this.send(encoding.toUint8Array(sync));
    // Edits typed offline go in our answer to the server's step 1 (it greets every socket with one).
    if (this.awareness.getLocalState() !== null) {
      this.sendAwareness([this.doc.clientID]);
    }
  }

  /** The socket closed: other people's cursors are no longer known to be where they were. */
  disconnect(): void {
    this.connected = false;
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
  }

  /** A binary frame from the server. */
  receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === messageSync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, messageSync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      // Only a step 1 from the server needs an answer (our step 2).
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
    } else if (type === messageAwareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  destroy(): void {
    if (this.connected) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], "local");
    }
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    // Updates that came from the server are not echoed back; offline edits wait for connect().
    if (origin === this || !this.connected) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  };

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === this || !this.connected) return;
    this.sendAwareness([...changes.added, ...changes.updated, ...changes.removed]);
  };

  private sendAwareness(clients: number[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    this.send(encoding.toUint8Array(encoder));
  }
}
