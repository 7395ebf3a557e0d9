import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { Worker } from "node:worker_threads";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { artifactFiles } from "../../db/schema/index.ts";
import type { ObjectStore } from "../../storage/index.ts";

type Answer = { id: string; png?: Uint8Array; error?: string };

/**
 * Renders pending previews one at a time in a worker thread (never on the event loop), stores each and
 * marks every row pointing at that object ready (or failed). `kick` after an upload commits; the upload's
 * response never waits for it. Pending rows left by a restart are picked up by the first kick.
 */
export class PreviewQueue {
  private worker: Worker | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private waiting = new Map<string, (answer: Answer) => void>();

  private readonly db: Db;
  private readonly store: ObjectStore;
  private readonly log: { warn: (o: unknown, m?: string) => void };

  constructor(db: Db, store: ObjectStore, log: { warn: (o: unknown, m?: string) => void }) {
    this.db = db;
    this.store = store;
    this.log = log;
  }

  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => this.log.warn({ err: error }, "preview rendering stopped"))
      .finally(() => {
        this.running = null;
        if (this.again && !this.closed) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves once nothing is pending (tests, the seed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops at once: a render in progress is abandoned (its row stays pending for the next start). */
  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
    await this.running;
  }

  private async drain() {
    for (;;) {
      if (this.closed) return;
      const [next] = await this.db
        .select({ key: artifactFiles.storageKey, mediaType: artifactFiles.mediaType })
        .from(artifactFiles)
        .where(and(eq(artifactFiles.previewStatus, "pending"), isNotNull(artifactFiles.storageKey)))
        .orderBy(artifactFiles.createdAt)
        .limit(1);
      if (!next?.key || !next.mediaType) return;
      await this.renderOne(next.key, next.mediaType);
    }
  }

  private async renderOne(key: string, mediaType: string) {
    let status: "ready" | "failed" = "failed";
    let previewKey: string | null = null;
    try {
      const bytes = await buffer(await this.store.get(key));
      const answer = await this.ask(key, mediaType, bytes);
      if (answer.png) {
        previewKey = (
          await this.store.put(Readable.from(Buffer.from(answer.png)), { contentType: "image/png" })
        ).key;
        status = "ready";
      } else this.log.warn({ key, error: answer.error }, "preview failed");
    } catch (error) {
      this.log.warn({ err: error, key }, "preview failed");
    }
    if (this.closed) return;
    await this.db
      .update(artifactFiles)
      // Every row of this object (a file kept into later versions shares it) gets the preview.
      .set({ previewStatus: status, previewKey })
      .where(and(eq(artifactFiles.storageKey, key), eq(artifactFiles.previewStatus, "pending")));
  }

  private ask(id: string, mediaType: string, bytes: Buffer): Promise<Answer> {
    const worker = this.workerOf();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ id, error: "timed out" });
        void this.worker?.terminate();
        this.worker = null;
      }, 30_000);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      worker.postMessage({ id, mediaType, bytes }, [bytes.buffer as ArrayBuffer]);
    });
  }

  private workerOf(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./preview-worker.ts", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    worker.unref();
    worker.on("message", (answer: Answer) => {
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    const stopped = (reason: string) => {
      for (const [id, done] of this.waiting) done({ id, error: reason });
      this.waiting.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on("error", (error) => {
      this.log.warn({ err: error }, "preview worker failed");
      stopped("worker failed");
    });
    worker.on("exit", () => stopped("worker stopped"));
    this.worker = worker;
    return worker;
  }
}
