import type { Actor } from "./plugin.ts";

/**
 * Recently resolved sessions, so a busy page does not look its session up on every request.
 * An entry lives at most TTL_MS; within this process it is dropped at once when the person signs out,
 * is deactivated, changes role or resets their password. Other server processes of one installation
 * see such changes within TTL_MS (docs/decisions/0003-session-lookup.md).
 */
export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

// Keyed by the signed cookie value as sent, so a hit needs no signature check.
type Entry = { token: string; actor: Actor; until: number };
const entries = new Map<string, Entry>();
/**
 * Bumped by every forget. A lookup that began before a forget may have read the person as they were
 * (still active, old role), so its answer is not remembered: see `rememberSession(…, since)`.
 */
let generation = 0;

/** Take this before reading a session from the database; hand it to `rememberSession`. */
export const cacheGeneration = (): number => generation;

export function cachedSession(signedValue: string, now = Date.now()): Entry | null {
  const entry = entries.get(signedValue);
  if (!entry) return null;
  if (entry.until <= now) {
    entries.delete(signedValue);
    return null;
  }
  return entry;
}

export function rememberSession(
  signedValue: string,
  token: string,
  actor: Actor,
  sessionExpiresAt: number,
  since: number,
  now = Date.now(),
): void {
  if (since !== generation) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(signedValue, { token, actor, until: Math.min(now + SESSION_CACHE_TTL_MS, sessionExpiresAt) });
}

export function forgetToken(token: string): void {
  generation += 1;
  for (const [key, entry] of entries) if (entry.token === token) entries.delete(key);
}

/**
 * Drops every cached session of a person (deactivated, role changed, password reset). Call it once the
 * change is committed: called earlier, a request in between would read and cache the old state again.
 */
export function forgetPerson(personId: string): void {
  generation += 1;
  for (const [token, entry] of entries) if (entry.actor.id === personId) entries.delete(token);
}
