import { describe, expect, it } from "vitest";
import type { LiveState } from "../../../shared/schemas/live.ts";
import { countdownStage, formatCountdown, remainingMs, ServerClock } from "./clock.ts";

const base: LiveState = {
  version: 3,
  phase: "running",
  itemIndex: 0,
  stepIndex: 1,
  durationSeconds: 300,
  endsAt: "2030-01-01T10:05:00.000Z",
  remainingMs: null,
};
const at = (iso: string) => Date.parse(iso);

describe("countdown", () => {
  it("counts down to the server's endsAt on the server's clock", () => {
    expect(remainingMs(base, at("2030-01-01T10:00:00.000Z"))).toBe(300_000);
    expect(remainingMs(base, at("2030-01-01T10:04:30.000Z"))).toBe(30_000);
  });

  it("never goes below zero once time is up", () => {
    expect(remainingMs(base, at("2030-01-01T10:07:00.000Z"))).toBe(0);
  });

  it("shows the frozen time while paused and the full step before the start", () => {
    expect(remainingMs({ ...base, phase: "paused", endsAt: null, remainingMs: 83_000 }, 0)).toBe(83_000);
    expect(remainingMs({ ...base, phase: "not_started", endsAt: null, remainingMs: null }, 0)).toBe(300_000);
    expect(remainingMs({ ...base, phase: "ended" }, 0)).toBe(0);
  });

  it("agrees across two devices whose clocks differ, once each corrects by its offset", () => {
    const serverNow = at("2030-01-01T10:02:00.000Z");
    const fastLaptop = new ServerClock();
    fastLaptop.sampleRoundTrip(
      "2030-01-01T10:02:00.000Z",
      serverNow + 120_000 - 40,
      serverNow + 120_000 + 40,
    );
    const slowPhone = new ServerClock();
    slowPhone.sampleRoundTrip("2030-01-01T10:02:00.000Z", serverNow - 5_000 - 100, serverNow - 5_000 + 100);
    const laptopShows = remainingMs(base, serverNow + 120_000 + fastLaptop.offsetMs);
    const phoneShows = remainingMs(base, serverNow - 5_000 + slowPhone.offsetMs);
    expect(formatCountdown(laptopShows)).toBe("03:00");
    expect(formatCountdown(phoneShows)).toBe("03:00");
  });

  it("formats minutes and seconds, rounding up so 00:00 means time is up", () => {
    expect(formatCountdown(300_000)).toBe("05:00");
    expect(formatCountdown(59_001)).toBe("01:00");
    expect(formatCountdown(59_000)).toBe("00:59");
    expect(formatCountdown(1)).toBe("00:01");
    expect(formatCountdown(0)).toBe("00:00");
    expect(formatCountdown(-5_000)).toBe("00:00");
    expect(formatCountdown(75 * 60_000)).toBe("75:00");
  });

  it("names the last minute and the end, which the room announces", () => {
    expect(countdownStage(61_000)).toBe("plenty");
    expect(countdownStage(60_000)).toBe("last_minute");
    expect(countdownStage(0)).toBe("time_up");
  });
});

describe("server clock offset", () => {
  it("is zero before anything is known", () => {
    expect(new ServerClock().offsetMs).toBe(0);
  });

  it("prefers the round trip with the smallest delay", () => {
    const clock = new ServerClock();
    // Server is 1000 ms ahead. A slow round trip (400 ms) is off by up to 200 ms if asymmetric.
    clock.sampleRoundTrip(new Date(11_300).toISOString(), 10_000, 10_400);
    expect(clock.offsetMs).toBe(1_100);
    clock.sampleRoundTrip(new Date(21_010).toISOString(), 20_000, 20_020);
    expect(clock.offsetMs).toBe(1_000);
    // A later, slower sample does not replace the better one.
    clock.sampleRoundTrip(new Date(31_500).toISOString(), 30_000, 30_600);
    expect(clock.offsetMs).toBe(1_000);
  });

  it("uses one-way stamps until a round trip is measured, keeping the least delayed", () => {
    const clock = new ServerClock();
    clock.sampleOneWay(new Date(5_000).toISOString(), 4_200); // 800 ahead minus latency
    clock.sampleOneWay(new Date(9_000).toISOString(), 8_050);
    expect(clock.offsetMs).toBe(950);
    clock.reset();
    expect(clock.offsetMs).toBe(0);
  });

  it("ignores unreadable times", () => {
    const clock = new ServerClock();
    clock.sampleOneWay("not a time", 1_000);
    clock.sampleRoundTrip("soon", 0, 10);
    expect(clock.offsetMs).toBe(0);
  });
});
