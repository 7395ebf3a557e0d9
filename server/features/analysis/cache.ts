/*
 * Parts of an analysis that depend only on the data, not on who reads it (the item answer counts, the
 * schools and classes the filters offer), kept per version of the assessment's results: the key holds
 * results_changed_at, so an import or a deletion makes a new key and the old entry is never read again.
 * A small LRU per process; a district's million rows are counted once per change instead of per reader.
 */

const LIMIT = 200;
const entries = new Map<string, Promise<unknown>>();

export function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const found = entries.get(key) as Promise<T> | undefined;
  if (found) {
    entries.delete(key);
    entries.set(key, found);
    return found;
  }
  const made = compute();
  entries.set(key, made);
  made.catch(() => entries.delete(key));
  while (entries.size > LIMIT) entries.delete(entries.keys().next().value as string);
  return made;
}

/** For tests and benchmarks that measure the uncached path. */
export function clearAnalysisCache(): void {
  entries.clear();
}
