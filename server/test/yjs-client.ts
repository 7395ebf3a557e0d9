import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { LiveClient } from "./live-client.ts";

/**
 * The browser side of the shared notes, as y-websocket speaks it: binary frames of
 * varUint(0 = sync | 1 = awareness) + the y-protocols message. Returns the client's document.
 */
export function attachNotes(client: LiveClient): Y.Doc {
  const doc = new Y.Doc();
  client.onBinary = (data) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.readSyncMessage(decoder, encoder, doc, "server");
    if (encoding.length(encoder) > 1) client.sendBinary(encoding.toUint8Array(encoder));
  };
  for (const data of client.binary) client.onBinary(data);
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === "server") return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    client.sendBinary(encoding.toUint8Array(encoder));
  });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  client.sendBinary(encoding.toUint8Array(encoder));
  return doc;
}

/** Resolves once `doc`'s notes read `expected` (or rejects after the timeout). */
export async function notesBecome(doc: Y.Doc, expected: (text: string) => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!expected(doc.getText("notes").toString())) {
    if (Date.now() > deadline) throw new Error(`notes are "${doc.getText("notes").toString()}"`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
