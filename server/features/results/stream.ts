import { createHash } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { type Delimiter, firstLine, sniffDelimiter } from "../../../shared/results/header.ts";
import { AppError } from "../../http/errors.ts";

/*
 * The byte side of a results file: its delimiter sniffed from the first line without reading further, its
 * size counted against the limit as it flows (whatever the client claimed), its SHA-256 taken on the way.
 */

/** How much of the start is read to find the header line; a header longer than this is not a results file. */
const SNIFF_BYTES = 64 * 1024;

export const tooLarge = (limitBytes: number) => {
  const message = `The file is larger than ${Math.round(limitBytes / 1024 / 1024)} MB; split it into smaller files or ask your administrator to raise the limit.`;
  return new AppError(413, "too-large", "Too large", message, [{ path: "file", message }]);
};

/** Reads the start of a stream until its first line is complete; returns it and the whole stream again. */
export async function sniff(source: Readable): Promise<{ delimiter: Delimiter; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let bytes = 0;
  let done = false;
  let text = "";
  while (bytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    bytes += next.value.length;
    text = Buffer.concat(head).toString("utf8");
    if (firstLine(text).length < text.length) break;
  }
  const delimiter = sniffDelimiter(firstLine(text));
  async function* replay() {
    yield* head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { delimiter, stream: Readable.from(replay(), { objectMode: false }) };
}

/** Passes bytes through, counting them against the limit and hashing them. */
export class Meter extends Transform {
  bytes = 0;
  private readonly hash = createHash("sha256");
  private readonly limitBytes: number;
  constructor(limitBytes: number) {
    super();
    this.limitBytes = limitBytes;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limitBytes) done(tooLarge(this.limitBytes));
    else {
      this.hash.update(chunk);
      done(null, chunk);
    }
  }
  sha256(): string {
    return this.hash.digest("hex");
  }
}

/** A value written into COPY's text format: backslash, tab and line breaks escaped. */
export const copyText = (value: string): string =>
  value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );

/** csv-parse's errors as a problem a person can fix, on the line where the parser stopped. */
export function parseProblem(error: { code?: string; lines?: number; message: string }) {
  const line = error.lines ?? 0;
  const messages: Record<string, string> = {
    CSV_RECORD_INCONSISTENT_FIELDS_LENGTH:
      "This row has a different number of cells from the header: check for a missing or extra delimiter, or a cell with the delimiter in it that is not in quotes.",
    CSV_RECORD_INCONSISTENT_COLUMNS:
      "This row has a different number of cells from the header: check for a missing or extra delimiter.",
    CSV_INVALID_CLOSING_QUOTE:
      'A quote closes a cell but is followed by more text: put the whole cell in quotes and double the quotes inside it ("").',
    CSV_QUOTE_NOT_CLOSED: "A quoted cell is never closed: add the closing quote.",
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
      'Text follows a closing quote: put the whole cell in quotes and double the quotes inside it ("").',
    INVALID_OPENING_QUOTE:
      'A quote appears inside an unquoted cell: put the whole cell in quotes and double the quotes inside it ("").',
  };
  const message =
    (error.code && messages[error.code]) ?? `The file could not be read as CSV here (${error.message}).`;
  return { line, field: "file", message };
}
