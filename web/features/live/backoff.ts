/** How long to wait before reconnect attempt `attempt` (0 for the first retry after a drop). */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** A number in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
}

export const RECONNECT_BASE_MS = 500;
export const RECONNECT_CAP_MS = 15_000;

/**
 * Exponential backoff with "equal jitter": half of the window is fixed, so a failing server is not
 * hammered, and half is random, so a room of a hundred laptops that lost the server at the same
 * moment (a restart) does not come back in the same millisecond.
 */
export function reconnectDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? RECONNECT_BASE_MS;
  const cap = options.capMs ?? RECONNECT_CAP_MS;
  const random = options.random ?? Math.random;
  const window = Math.min(cap, base * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(window / 2 + random() * (window / 2));
}
