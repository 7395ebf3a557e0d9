import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStore, MissingObjectError, temporaryStore } from "./index.ts";

let store: LocalStore;
beforeAll(async () => {
  store = await temporaryStore();
});
afterAll(async () => rm(store.root, { recursive: true, force: true }));

describe("the local store", () => {
  it("keeps a stream under a random key with its size and checksum, and gives it back", async () => {
    const stored = await store.put(Readable.from([Buffer.from("hello "), Buffer.from("world")]));
    expect(stored.key).toMatch(/^[0-9a-f]{32}$/);
    expect(stored).toMatchObject({
      sizeBytes: 11,
      sha256: "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
    });
    expect((await buffer(await store.get(stored.key))).toString()).toBe("hello world");
    expect(await store.exists(stored.key)).toBe(true);
  });

  it("moves a received file into place, leaving no scratch copy", async () => {
    const file = path.join(store.scratchDir, "received");
    await writeFile(file, "a received upload");
    const stored = await store.putFile(file);
    expect(await readdir(store.scratchDir)).toEqual([]);
    expect((await buffer(await store.get(stored.key))).toString()).toBe("a received upload");
  });

  it("never leaves a half-written object when the stream fails", async () => {
    const before = await keys();
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024));
        this.destroy(new Error("connection dropped"));
      },
    });
    await expect(store.put(failing)).rejects.toThrow("connection dropped");
    expect(await keys()).toEqual(before);
    expect(await readdir(store.scratchDir)).toEqual([]);
  });

  it("deletes (twice is fine), and refuses keys that are not its own", async () => {
    const stored = await store.put(Readable.from(Buffer.from("bye")));
    await store.delete(stored.key);
    await store.delete(stored.key);
    expect(await store.exists(stored.key)).toBe(false);
    await expect(store.get(stored.key)).rejects.toBeInstanceOf(MissingObjectError);
    await expect(store.get("../../etc/passwd")).rejects.toBeInstanceOf(MissingObjectError);
  });
});

async function keys() {
  const found: string[] = [];
  for await (const object of store.list()) found.push(object.key);
  return found.sort();
}
