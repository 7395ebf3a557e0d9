import { createHash, randomBytes } from "node:crypto";
import { v7 } from "uuid";

/** Time-ordered UUIDv7: sortable, index-friendly primary keys. */
export const newId = (): string => v7();

/** A URL-safe secret for emailed links; only its hash is stored. */
export const newToken = (): string => randomBytes(32).toString("base64url");
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
