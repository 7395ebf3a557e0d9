import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { checkKey, type Digest, MissingObjectError, type ObjectStore, type StoredObject } from "./store.ts";

/** A file's size and SHA-256 (read once). */
export async function digestOf(file: string): Promise<Digest> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return { sizeBytes: (await stat(file)).size, sha256: hash.digest("hex") };
}

/**
 * Objects on the local disk under `root/objects/ab/<key>`. Each is written to `root/tmp` first and renamed
 * into place, so an object is whole under its key or not there at all.
 */
export class LocalStore implements ObjectStore {
  readonly scratchDir: string;
  readonly description: string;
  private readonly objects: string;
  readonly root: string;

  constructor(root: string) {
    this.root = root;
    this.scratchDir = path.join(root, "tmp");
    this.objects = path.join(root, "objects");
    this.description = `local disk (${root})`;
  }

  async init(): Promise<this> {
    await mkdir(this.scratchDir, { recursive: true });
    await mkdir(this.objects, { recursive: true });
    return this;
  }

  private pathOf(key: string) {
    checkKey(key);
    return path.join(this.objects, key.slice(0, 2), key);
  }

  async put(source: Readable): Promise<StoredObject> {
    const temp = path.join(this.scratchDir, `put-${randomBytes(12).toString("hex")}`);
    const hash = createHash("sha256");
    let sizeBytes = 0;
    source.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      sizeBytes += chunk.length;
    });
    try {
      await pipeline(source, createWriteStream(temp, { flags: "wx" }));
      return { ...(await this.place(temp)), sizeBytes, sha256: hash.digest("hex") };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async putFile(file: string, options: { digest?: Digest } = {}): Promise<StoredObject> {
    const digest = options.digest ?? (await digestOf(file));
    return { ...(await this.place(file)), ...digest };
  }

  /** Renames a finished file into place under a new random key (atomic on one filesystem). */
  private async place(file: string) {
    const key = randomBytes(16).toString("hex");
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(file, target);
    return { key };
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    if (!(await this.exists(key))) throw new MissingObjectError(key);
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  async *list(): AsyncIterable<{ key: string; modifiedAt: Date }> {
    for (const prefix of await readdir(this.objects)) {
      const dir = path.join(this.objects, prefix);
      for (const key of await readdir(dir).catch(() => [])) {
        const info = await stat(path.join(dir, key)).catch(() => null);
        if (info?.isFile()) yield { key, modifiedAt: info.mtime };
      }
    }
  }
}
