import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { MAX_FILES_PER_UPLOAD } from "../../../shared/schemas/artifacts.ts";
import type { FileOptions } from "../../http/deps.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { detect, RefusedFile } from "./detect.ts";
import { cleanFileName } from "./file-names.ts";

/** One received, checked and stored file, not yet pointed at by any row. */
export type Received = { name: string; key: string; mediaType: string; sizeBytes: number; sha256: string };

/** A parsed upload: the JSON `data` part and the stored files; `discard` removes what was stored. */
export type Upload = { data: unknown; files: Received[]; discard: () => Promise<void> };

const tooLarge = (path: string, message: string) =>
  new AppError(413, "too-large", "Too large", message, [{ path, message }]);

/**
 * Reads a multipart upload: a `data` part (JSON) and up to MAX_FILES_PER_UPLOAD `files` parts. Each file is
 * received to a scratch file, checked by its content, then moved into the store. If anything fails (a
 * refused file, a dropped connection, a later step that calls `discard`) nothing stays stored.
 */
export async function receiveUpload(request: FastifyRequest, options: FileOptions): Promise<Upload> {
  if (!request.isMultipart()) return { data: request.body ?? {}, files: [], discard: async () => {} };
  const stored: Received[] = [];
  const discard = async () => {
    await Promise.all(stored.map((file) => options.store.delete(file.key).catch(() => {})));
    stored.length = 0;
  };
  let data: unknown = {};
  const limitMb = Math.round(options.sizeLimitBytes / 1024 / 1024);
  // The file being received: a size-limit error may surface from the stream or from the parts iterator.
  let current = { index: 0, name: "file" };
  const overLimit = () =>
    tooLarge(
      `files.${current.index}`,
      `${current.name} is larger than ${limitMb} MB; upload a smaller file.`,
    );
  try {
    const parts = request.parts({
      limits: {
        fileSize: options.sizeLimitBytes,
        files: MAX_FILES_PER_UPLOAD,
        fields: 4,
        fieldSize: 128 * 1024,
      },
    });
    for await (const part of parts) {
      if (part.type === "field") {
        if (part.fieldname !== "data")
          throw invalid(
            part.fieldname,
            `"${part.fieldname}" is not a field here; send the details as "data".`,
          );
        data = parseData(String(part.value));
        continue;
      }
      const index = stored.length;
      const name = cleanFileName(part.filename);
      current = { index, name };
      const file = await spool(part.file, options.store.scratchDir);
      try {
        const detected = await detect(file.path, file.size).catch((error) => {
          if (error instanceof RefusedFile) throw invalid(`files.${index}`, `${name}: ${error.message}`);
          throw error;
        });
        const object = await options.store.putFile(file.path, {
          contentType: detected.mediaType,
          digest: file.digest,
        });
        stored.push({
          name,
          key: object.key,
          mediaType: detected.mediaType,
          sizeBytes: object.sizeBytes,
          sha256: object.sha256,
        });
      } finally {
        await rm(file.path, { force: true });
      }
    }
    return { data, files: stored, discard };
  } catch (error) {
    await discard();
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw overLimit();
    throw translate(error);
  }
}

function parseData(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw invalid("data", "The details of the upload are not valid JSON.");
  }
}

/** Receives one file to a scratch file, hashing it on the way (so storing it reads nothing again). */
async function spool(source: NodeJS.ReadableStream, dir: string) {
  const file = path.join(dir, `upload-${randomBytes(12).toString("hex")}`);
  const hash = createHash("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, tap, createWriteStream(file, { flags: "wx" }));
    return { path: file, size, digest: { sizeBytes: size, sha256: hash.digest("hex") } };
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

function translate(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === "FST_FILES_LIMIT")
    return tooLarge("files", `Upload at most ${MAX_FILES_PER_UPLOAD} files at a time.`);
  if (code === "FST_FIELDS_LIMIT" || code === "FST_PARTS_LIMIT")
    return invalid("data", 'Send the details once, as one "data" part, and the files as "files".');
  if (code === "FST_MP_PREMATURE_CLOSE")
    return invalid("files", "The upload was interrupted before it finished; nothing was saved. Try again.");
  return error;
}
