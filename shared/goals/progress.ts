/**
 * How far a measure has come from its baseline towards its target, as a fraction: 0 at the baseline,
 * 1 at the target, below 0 when it moved the wrong way, above 1 past the target. Works for goals that
 * go down (fewer absences) as well as up. Null without a measurement or a usable baseline and target.
 */
export function progressOf(baseline: number | null, target: number | null, latest: number | null) {
  if (baseline === null || target === null || latest === null || target === baseline) return null;
  return (latest - baseline) / (target - baseline);
}

export type Measured = { value: number; measuredOn: string; createdAt?: string };

/** The most recent measurement: the latest date; on the same date, the one entered last. */
export function latestOf<M extends Measured>(measurements: readonly M[]): M | null {
  let latest: M | null = null;
  for (const m of measurements) {
    if (
      latest === null ||
      m.measuredOn > latest.measuredOn ||
      (m.measuredOn === latest.measuredOn && (m.createdAt ?? "") >= (latest.createdAt ?? ""))
    )
      latest = m;
  }
  return latest;
}

/** Whether the value reached the target, in the goal's direction (up when the target is above the baseline). */
export function targetMet(baseline: number | null, target: number | null, latest: number | null): boolean {
  if (baseline === null || target === null || latest === null || target === baseline) return false;
  return target > baseline ? latest >= target : latest <= target;
}

/** A goal's progress, as the API reports it. */
export function progressSummary(
  baseline: number | null,
  target: number | null,
  measurements: readonly Measured[],
) {
  const latest = latestOf(measurements);
  const value = latest?.value ?? null;
  return {
    latest: latest ? { value: latest.value, measuredOn: latest.measuredOn } : null,
    fraction: progressOf(baseline, target, value),
    met: targetMet(baseline, target, value),
  };
}
