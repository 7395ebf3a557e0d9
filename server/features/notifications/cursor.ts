import { invalid } from "../../http/errors.ts";

/** A page cursor: the (timestamp, id) of the last row seen, opaque to clients. */
export const encodeCursor = (at: string, id: string): string =>
  Buffer.from(JSON.stringify([at, id])).toString("base64url");

export function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string") {
      const [at, id] = value as [string, string];
      if (/^[0-9a-f-]{36}$/.test(id) && !Number.isNaN(Date.parse(at))) return { at, id };
    }
  } catch {
    // Falls through to the same answer as a well-formed but wrong cursor.
  }
  throw invalid("cursor", "This page link is not valid; start from the first page.");
}
