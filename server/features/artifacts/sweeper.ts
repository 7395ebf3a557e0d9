import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { artifactFiles } from "../../db/schema/index.ts";
import type { ObjectStore } from "../../storage/index.ts";

/** Objects younger than this may belong to an upload still in flight (stored, rows not yet committed). */
export const SWEEP_GRACE_MS = 60 * 60_000;

/**
 * Removes stored objects no row points at (left by a crash between storing and committing), and scratch
 * files of uploads that never finished. Runs when the server starts and every hour.
 */
export async function sweepOrphans(
  db: Executor,
  store: ObjectStore,
  options: { graceMs?: number; now?: number } = {},
): Promise<{ objects: number; scratch: number }> {
  const cutoff = (options.now ?? Date.now()) - (options.graceMs ?? SWEEP_GRACE_MS);
  let batch: string[] = [];
  let objects = 0;
  const flush = async () => {
    const kept = await referencedKeys(db, batch);
    for (const key of batch.filter((k) => !kept.has(k))) {
      await store.delete(key);
      objects++;
    }
    batch = [];
  };
  for await (const object of store.list()) {
    if (object.modifiedAt.getTime() > cutoff) continue;
    batch.push(object.key);
    if (batch.length >= 500) await flush();
  }
  await flush();
  let scratch = 0;
  for (const name of await readdir(store.scratchDir).catch(() => [])) {
    const file = path.join(store.scratchDir, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs <= cutoff) {
      await rm(file, { force: true });
      scratch++;
    }
  }
  return { objects, scratch };
}

/** The keys, of those given, that some file row points at (as the file or as its preview). */
async function referencedKeys(db: Executor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const list = sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );
  const rows = await db
    .select({ storageKey: artifactFiles.storageKey, previewKey: artifactFiles.previewKey })
    .from(artifactFiles)
    .where(sql`${artifactFiles.storageKey} in (${list}) or ${artifactFiles.previewKey} in (${list})`);
  return new Set(rows.flatMap((r) => [r.storageKey, r.previewKey]).filter((k): k is string => k !== null));
}
