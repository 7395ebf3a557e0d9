import { describe, expect, it } from "vitest";
import { RECONNECT_CAP_MS, reconnectDelay } from "./backoff.ts";

describe("reconnect backoff", () => {
  it("doubles the wait after each failed attempt", () => {
    const fixed = { random: () => 0 };
    expect([0, 1, 2, 3, 4].map((attempt) => reconnectDelay(attempt, fixed))).toEqual([
      250, 500, 1_000, 2_000, 4_000,
    ]);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(reconnectDelay(10, { random: () => 0.999 })).toBeLessThanOrEqual(RECONNECT_CAP_MS);
    expect(reconnectDelay(1_000, { random: () => 0.999 })).toBeLessThanOrEqual(RECONNECT_CAP_MS);
    expect(reconnectDelay(1_000, { random: () => 0 })).toBe(RECONNECT_CAP_MS / 2);
  });

  it("spreads a room's reconnections over the window instead of one instant", () => {
    const delays = [0, 0.25, 0.5, 0.75, 0.99].map((r) => reconnectDelay(3, { random: () => r }));
    expect(new Set(delays).size).toBe(5);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(2_000);
      expect(delay).toBeLessThan(4_000);
    }
  });
});
