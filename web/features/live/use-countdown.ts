import { useEffect, useState } from "react";
import type { LiveState } from "../../../shared/schemas/live.ts";
import { remainingMs } from "./clock.ts";

/**
 * Milliseconds left on the shared countdown, recomputed four times a second from the server's
 * `endsAt` and this device's clock offset (so every screen reaches 00:00 together).
 */
export function useCountdown(state: LiveState | null, clockOffsetMs: number): number {
  const compute = () => (state ? remainingMs(state, Date.now() + clockOffsetMs) : 0);
  const [ms, setMs] = useState(compute);

  // biome-ignore lint/correctness/useExhaustiveDependencies: compute reads exactly these inputs
  useEffect(() => {
    setMs(compute());
    if (state?.phase !== "running") return;
    const timer = setInterval(() => setMs(compute()), 250);
    return () => clearInterval(timer);
  }, [state, clockOffsetMs]);

  return ms;
}
