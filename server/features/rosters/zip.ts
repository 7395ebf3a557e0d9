import type { Readable } from "node:stream";
import yauzl from "yauzl";

/*
 * A OneRoster zip, read from its central directory (nothing unpacked up front). Refused: a file that is not
 * a zip, a zip bomb (declared unpacked size or compression ratio past the limits, the idea of
 * artifacts/detect.ts), too many entries. Each CSV is then streamed out on demand; yauzl checks while
 * streaming that an entry is no bigger than it declared, so a lying header fails too.
 */

export const ROSTER_ZIP_LIMITS = { totalBytes: 1024 * 1024 * 1024, ratio: 100, entries: 100 };

export class RefusedRoster extends Error {}

export type RosterZip = {
  /** The entry of a file (e.g. "users.csv"), found case-insensitively, in any folder. */
  has(name: string): boolean;
  open(name: string): Promise<Readable>;
  close(): void;
};

const base = (name: string) => (name.split("/").pop() ?? name).toLowerCase();

export async function openRosterZip(file: string, size: number): Promise<RosterZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, z) =>
      error ? reject(error) : resolve(z),
    ),
  ).catch(() => {
    throw new RefusedRoster(
      "This file is not a zip archive. Export the roster as a OneRoster CSV zip and upload that.",
    );
  });
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (
          total > ROSTER_ZIP_LIMITS.totalBytes ||
          ratio > ROSTER_ZIP_LIMITS.ratio ||
          entries.size >= ROSTER_ZIP_LIMITS.entries
        ) {
          reject(
            new RefusedRoster(
              "This zip unpacks to far more than a roster could (a zip bomb); it was refused.",
            ),
          );
          return;
        }
        if (!entry.fileName.endsWith("/") && !entry.fileName.startsWith("__MACOSX/"))
          entries.set(base(entry.fileName), entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", () => reject(new RefusedRoster("This zip archive is damaged; export it again.")));
      zip.readEntry();
    });
    if (total / Math.max(size, 1) > ROSTER_ZIP_LIMITS.ratio)
      throw new RefusedRoster(
        "This zip unpacks to far more than a roster could (a zip bomb); it was refused.",
      );
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    has: (name) => entries.has(name.toLowerCase()),
    open: (name) => {
      const entry = entries.get(name.toLowerCase());
      if (!entry) throw new RefusedRoster(`The zip has no ${name}.`);
      return new Promise((resolve, reject) =>
        zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
      );
    },
    close: () => zip.close(),
  };
}
