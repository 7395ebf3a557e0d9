import type { Readable } from "node:stream";

/** What a store answers after keeping an object: its key (never derived from a file name), size and checksum. */
export type StoredObject = { key: string; sizeBytes: number; sha256: string };
export type Digest = { sizeBytes: number; sha256: string };

/**
 * Where uploaded files and their previews live. Keys are random and opaque; an object exists whole or not
 * at all (a half-written one is never visible under its key).
 */
export interface ObjectStore {
  /** Keeps a stream as a new object. */
  put(source: Readable, options?: { contentType?: string }): Promise<StoredObject>;
  /**
   * Keeps a local file as a new object; the local store moves it (same filesystem) instead of copying.
   * `digest` is the file's size and SHA-256 when the caller already computed them while receiving it.
   */
  putFile(path: string, options?: { contentType?: string; digest?: Digest }): Promise<StoredObject>;
  /** The object's bytes; throws `MissingObjectError` when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes an object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every key with when it was written (the sweeper spares recent ones: uploads in flight). */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
  /** A local directory for files being received, on the same filesystem as the store when it is local. */
  readonly scratchDir: string;
  readonly description: string;
}

export class MissingObjectError extends Error {
  constructor(key: string) {
    super(`No stored object ${key}`);
  }
}

const KEY = /^[a-z0-9]{32}$/;
/** Keys are 32 lowercase hex digits: nothing else ever reaches a path or a bucket. */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new MissingObjectError(key);
  return key;
}
