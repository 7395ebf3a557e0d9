import { onReadCachesInvalidated } from "../../lib/read-cache.ts";

/**
 * One computation per key at a time: when a write has just emptied the read caches, the leaders who open
 * the same view in that moment wait for one query instead of each running it. A write forgets the
 * computations in flight (they may have read the state before it), so whoever reads after a write gets a
 * fresh one — the writer reads their own write.
 */
export function singleFlight<V>() {
  const pending = new Map<string, Promise<V>>();
  onReadCachesInvalidated(() => pending.clear());
  return (key: string, load: () => Promise<V>): Promise<V> => {
    const running = pending.get(key);
    if (running) return running;
    const started = load().finally(() => {
      if (pending.get(key) === started) pending.delete(key);
    });
    pending.set(key, started);
    return started;
  };
}
