import { MAX_FILE_NAME } from "../../../shared/schemas/artifacts.ts";

/**
 * The name shown for a file: its last path component, without control or bidirectional-override
 * characters, `..`, or reserved punctuation, at most MAX_FILE_NAME characters (keeping the extension).
 * It is only ever shown and offered on download; storage keys never derive from it.
 */
export function cleanFileName(raw: string | undefined, fallback = "file"): string {
  const last = (raw ?? "").split(/[/\\]/).pop() ?? "";
  const cleaned = last
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.\s]+|[.\s]+$/g, "")
    .trim();
  if (!cleaned) return fallback;
  if (cleaned.length <= MAX_FILE_NAME) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_FILE_NAME - ext.length) + ext;
}

/** Content-Disposition with an ASCII fallback and the RFC 5987 UTF-8 name. */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
