import { invalid } from "../../http/errors.ts";

/** The library's page cursor: the (name, id) of the last protocol seen, opaque to clients. */
export const encodeCursor = (name: string, id: string): string =>
  Buffer.from(JSON.stringify([name, id])).toString("base64url");

export function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string") {
      if (/^[0-9a-f-]{36}$/.test(value[1])) return { name: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the same answer as a well-formed but wrong cursor.
  }
  throw invalid("cursor", "This page link is not valid; start from the first page.");
}
