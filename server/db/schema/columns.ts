import { customType } from "drizzle-orm/pg-core";

/** Binary column (Yjs document states and updates); drizzle's pg-core has no bytea of its own. */
export const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** Full-text search vector (generated columns of searchable tables). */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
