import type { LiveState } from "../../../shared/schemas/live.ts";

/**
 * The server's clock as seen from this device. Every screen in the room derives the countdown from the
 * server's `endsAt`, so a laptop whose clock is two minutes fast must correct for it or it would show
 * "time is up" while the projector still shows 2:00.
 */
export class ServerClock {
  /** Best round-trip estimate: offset with the smallest round trip seen (error ≤ rtt / 2). */
  private roundTrip: { offset: number; rtt: number } | null = null;
  /** Best one-way estimate: serverTime − receivedAt under-estimates by the latency, so keep the largest. */
  private oneWay: number | null = null;

  /** Forget what was learnt (a new connection may reach another server process). */
  reset(): void {
    this.roundTrip = null;
    this.oneWay = null;
  }

  /** A message stamped with the server's time arrived at `receivedAt` (local ms). */
  sampleOneWay(serverTimeIso: string, receivedAt: number): void {
    const server = Date.parse(serverTimeIso);
    if (Number.isNaN(server)) return;
    const offset = server - receivedAt;
    this.oneWay = this.oneWay === null ? offset : Math.max(this.oneWay, offset);
  }

  /** A ping sent at `sentAt` was answered with `serverTimeIso`, received at `receivedAt`. */
  sampleRoundTrip(serverTimeIso: string, sentAt: number, receivedAt: number): void {
    const server = Date.parse(serverTimeIso);
    const rtt = receivedAt - sentAt;
    if (Number.isNaN(server) || rtt < 0) return;
    if (this.roundTrip && this.roundTrip.rtt <= rtt) return;
    this.roundTrip = { offset: server - (sentAt + rtt / 2), rtt };
  }

  /** Milliseconds to add to the local clock to get the server's. */
  get offsetMs(): number {
    return Math.round(this.roundTrip?.offset ?? this.oneWay ?? 0);
  }
}

/** Milliseconds left on the countdown at server time `serverNow`; never negative. */
export function remainingMs(state: LiveState, serverNow: number): number {
  if (state.phase === "ended") return 0;
  if (state.phase === "running" && state.endsAt) {
    const ends = Date.parse(state.endsAt);
    return Number.isNaN(ends) ? 0 : Math.max(0, ends - serverNow);
  }
  return Math.max(0, state.remainingMs ?? state.durationSeconds * 1000);
}

/** "mm:ss", rounding up so the display reaches 00:00 exactly when the time is up. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/** What the countdown means now, for announcements and styling (words first, colour second). */
export type CountdownStage = "plenty" | "last_minute" | "time_up";

export function countdownStage(ms: number): CountdownStage {
  if (ms <= 0) return "time_up";
  if (ms <= 60_000) return "last_minute";
  return "plenty";
}
