import { customType, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.ts";

/** Binary column (Yjs document states and updates); drizzle's pg-core has no bytea of its own. */
export const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** Full-text search vector (generated columns of searchable tables). */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The tenant of a row: every tenant-owned table leads with it. */
export const orgId = () =>
  uuid("org_id")
    .notNull()
    .references(() => organizations.id);
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
