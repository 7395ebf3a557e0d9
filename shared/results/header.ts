/*
 * Reading the header of a results file: which delimiter it uses, what its columns are called, and a
 * signature of the header row so the mapping a person chose for "the same export from the same system"
 * can be offered again. Pure: used by the server's import and preview, and by the web's mapping step.
 */

export const delimiters = [",", ";", "\t"] as const;
export type Delimiter = (typeof delimiters)[number];

/**
 * The delimiter of a file, from its header line: the candidate that occurs most often outside quotes.
 * European spreadsheets export ";" (the comma is their decimal mark), some systems export tabs; a header
 * with a single column has none of them and is read as comma-separated.
 */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(delimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine.replace(/^\uFEFF/, "")) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter))
      counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ",";
  for (const d of delimiters) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** The first line of a file's start (up to a newline outside quotes), for sniffing. */
export function firstLine(start: string): string {
  let quoted = false;
  for (let i = 0; i < start.length; i++) {
    const ch = start[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) return start.slice(0, i);
  }
  return start;
}

/** A header cell as compared: no BOM, no outer spaces, case and inner spacing ignored. */
export const normaliseHeader = (cell: string): string =>
  cell
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");

/**
 * A stable signature of a header row: its normalised cells, hashed (FNV-1a, 2 × 32 bits — this only has
 * to tell exports apart, not resist anyone; pure so the browser computes the same one).
 */
export function headerSignature(header: readonly string[]): string {
  const text = JSON.stringify(header.map(normaliseHeader));
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`;
}
