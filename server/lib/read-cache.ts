/**
 * A small read-through cache for hot, rarely-changing reads (a community page). Entries expire after
 * `ttlMs`; `invalidateAllReadCaches()` empties every cache after a write commits, in this process and
 * (over the bus) in the others. A generation number keeps a read that began before a write from putting
 * its stale result back afterwards.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private generation = 0;

  constructor(ttlMs: number, maxEntries = 5_000) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    caches.add(this as ReadCache<unknown>);
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, until: now + this.ttlMs });
    }
    return value;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

const caches = new Set<ReadCache<unknown>>();
const listeners = new Set<() => void>();

/**
 * Called once a write has committed (before its response leaves), so the writer reads its own write.
 * Listeners (the bus, server/realtime/bus.ts) tell the other server processes to clear theirs.
 */
export function invalidateAllReadCaches(): void {
  clearReadCachesHere();
  for (const listener of listeners) listener();
}

/** Clears this process's caches only: what a message from another process does. */
export function clearReadCachesHere(): void {
  for (const cache of caches) cache.clear();
}

/** Hears every `invalidateAllReadCaches`; returns the function that stops listening. */
export function onReadCachesInvalidated(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
