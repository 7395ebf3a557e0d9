import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LocalStore } from "./local.ts";
import { S3Store } from "./s3.ts";
import type { ObjectStore } from "./store.ts";

export { LocalStore } from "./local.ts";
export type { ObjectStore, StoredObject } from "./store.ts";
export { MissingObjectError } from "./store.ts";

export type StorageConfig = {
  storage: "local" | "s3";
  dataDir: string;
  s3: {
    endpoint: string | undefined;
    bucket: string | undefined;
    region: string;
    accessKeyId: string | undefined;
    secretAccessKey: string | undefined;
  };
};

/** The store the configuration names: files under DATA_DIR/files by default, or an S3-compatible bucket. */
export async function openStore(config: StorageConfig): Promise<ObjectStore> {
  if (config.storage === "s3") {
    if (!config.s3.bucket) throw new Error("Lamplight cannot start: STORAGE=s3 needs S3_BUCKET.");
    return new S3Store({
      ...config.s3,
      bucket: config.s3.bucket,
      scratchDir: path.join(config.dataDir, "files", "tmp"),
    }).init();
  }
  return new LocalStore(path.join(config.dataDir, "files")).init();
}

/** A local store in a new temporary folder (tests, tools). */
export async function temporaryStore(): Promise<LocalStore> {
  return new LocalStore(await mkdtemp(path.join(os.tmpdir(), "lamplight-files-"))).init();
}
