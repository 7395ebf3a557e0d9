import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import yauzl from "yauzl";

/** What a received file turned out to be, from its bytes alone (never its name or the browser's word). */
export type Detected = { mediaType: string; label: string };
export class RefusedFile extends Error {}

const OFFICE = {
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/"],
  pptx: ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/"],
} as const;
const IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/** Zip limits: an Office document unpacks to far less than this; a zip bomb to far more. */
export const ZIP_LIMITS = { totalBytes: 200 * 1024 * 1024, ratio: 100, entries: 5000 };

const ACCEPTED =
  "Upload a PDF, a PNG, JPEG, GIF or WebP image, a Word, Excel or PowerPoint document, or a plain text file.";

/** Detects and checks one received file; throws `RefusedFile` with what to do instead. */
export async function detect(file: string, size: number): Promise<Detected> {
  if (size === 0) throw new RefusedFile("This file is empty.");
  const head = await readHead(file, 16);
  if (isExecutable(head)) throw new RefusedFile(`This file is a program, not a document. ${ACCEPTED}`);
  const found = await fileTypeFromFile(file);
  if (found?.mime === "application/pdf") return { mediaType: "application/pdf", label: "PDF" };
  if (found && IMAGES.has(found.mime)) return { mediaType: found.mime, label: found.ext.toUpperCase() };
  if (found && (found.mime === "application/zip" || found.ext in OFFICE)) return inspectZip(file, size);
  if (found) throw new RefusedFile(`This kind of file (${found.ext}) is not accepted. ${ACCEPTED}`);
  await checkText(file);
  return { mediaType: "text/plain; charset=utf-8", label: "text" };
}

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** ELF, Windows PE ("MZ"), Mach-O (32/64, both byte orders) and fat Mach-O binaries. */
export function isExecutable(head: Buffer): boolean {
  const hex = head.subarray(0, 4).toString("hex");
  return (
    hex === "7f454c46" ||
    head.subarray(0, 2).toString("latin1") === "MZ" ||
    ["feedface", "feedfacf", "cefaedfe", "cffaedfe", "cafebabe"].includes(hex)
  );
}

/** Plain text: valid UTF-8 with no NUL bytes (binary data passed off as text fails one or the other). */
async function checkText(file: string) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const handle = await open(file, "r");
  try {
    for await (const chunk of handle.createReadStream()) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) throw new RefusedFile(`This file is not plain text. ${ACCEPTED}`);
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
  } catch (error) {
    if (error instanceof RefusedFile) throw error;
    throw new RefusedFile("This text file is not valid UTF-8; save it as UTF-8 text and upload it again.");
  }
}

/**
 * Office documents are zips: read the central directory (nothing is unpacked), refuse a zip bomb by its
 * declared unpacked size and compression ratio, and refuse a zip that is not a Word, Excel or PowerPoint
 * document (or one carrying macros).
 */
async function inspectZip(file: string, size: number): Promise<Detected> {
  const names: string[] = [];
  let total = 0;
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (error, z) =>
      error ? reject(error) : resolve(z),
    ),
  ).catch(() => {
    throw new RefusedFile(`This file looks like a zip archive but cannot be read. ${ACCEPTED}`);
  });
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (total > ZIP_LIMITS.totalBytes || ratio > ZIP_LIMITS.ratio || names.length > ZIP_LIMITS.entries) {
        zip.close();
        reject(
          new RefusedFile("This document unpacks to far more than it should (a zip bomb); it was refused."),
        );
        return;
      }
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", () => reject(new RefusedFile(`This document is damaged. ${ACCEPTED}`)));
    zip.readEntry();
  });
  if (total / Math.max(size, 1) > ZIP_LIMITS.ratio)
    throw new RefusedFile("This document unpacks to far more than it should (a zip bomb); it was refused.");
  if (!names.includes("[Content_Types].xml"))
    throw new RefusedFile(`Zip archives are not accepted. ${ACCEPTED}`);
  if (names.some((n) => n.toLowerCase().endsWith("vbaproject.bin")))
    throw new RefusedFile(
      "Documents with macros are not accepted; save it without macros (.docx, .xlsx, .pptx).",
    );
  for (const [ext, [mediaType, folder]] of Object.entries(OFFICE)) {
    if (names.some((n) => n.startsWith(folder))) return { mediaType, label: ext };
  }
  throw new RefusedFile(`Zip archives are not accepted. ${ACCEPTED}`);
}
