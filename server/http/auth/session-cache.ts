import { hashToken } from "../../lib/ids.ts";
import type { Actor } from "./plugin.ts";

/**
 * Recently resolved sessions, so a busy page does not look its session up on every request.
 * An entry lives at most TTL_MS; it is dropped at once when the person signs out, is deactivated,
 * changes role or resets their password — in this process directly, in the other server processes of
 * one installation through the bus (server/realtime/bus.ts `shareCacheInvalidations`), which hears every
 * forget here (docs/decisions/0003-session-lookup-and-read-cache.md).
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

/** What the other processes are told to forget: a person, or one session by its token's hash. */
export type SessionForget = { type: "person"; personId: string } | { type: "session"; tokenHash: string };
const listeners = new Set<(forget: SessionForget) => void>();

/** Hears every forget of this process; returns the function that stops listening. */
export function onSessionForgotten(listener: (forget: SessionForget) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Drops a signed-out session. Other processes hear only the token's hash (NOTIFY payloads are readable). */
export function forgetToken(token: string): void {
  generation += 1;
  for (const [key, entry] of entries) if (entry.token === token) entries.delete(key);
  tell({ type: "session", tokenHash: hashToken(token) });
}

/**
 * Drops every cached session of a person (deactivated, role changed, password reset). Call it once the
 * change is committed: called earlier, a request in between would read and cache the old state again.
 */
export function forgetPerson(personId: string): void {
  forgetHere({ type: "person", personId });
  tell({ type: "person", personId });
}

/** A forget heard from another process: applied here only, never passed on again. */
export function forgetHere(forget: SessionForget): void {
  generation += 1;
  for (const [key, entry] of entries)
    if (
      forget.type === "person"
        ? entry.actor.id === forget.personId
        : hashToken(entry.token) === forget.tokenHash
    )
      entries.delete(key);
}

/** Drops everything (the bus was disconnected and may have missed forgets). */
export function forgetAllSessionsHere(): void {
  generation += 1;
  entries.clear();
}

function tell(forget: SessionForget): void {
  for (const listener of listeners) listener(forget);
}
