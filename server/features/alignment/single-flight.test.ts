import { describe, expect, it } from "vitest";
import { invalidateAllReadCaches } from "../../lib/read-cache.ts";
import { singleFlight } from "./single-flight.ts";

describe("singleFlight", () => {
  it("runs one load per key at a time, and a write makes the next reader load afresh", async () => {
    const once = singleFlight<number>();
    let loads = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const load = async () => {
      loads++;
      await gate;
      return loads;
    };
    const a = once("k", load);
    const b = once("k", load);
    const other = once("other", load);
    expect(loads).toBe(2);
    // A write while the first load runs: a reader after it does not join the old load.
    invalidateAllReadCaches();
    const c = once("k", load);
    expect(loads).toBe(3);
    release();
    expect(await a).toBe(await b);
    await Promise.all([c, other]);
    // Once finished, a key loads again.
    await once("k", load);
    expect(loads).toBe(4);
  });
});
