/**
 * How far a measure has come from its baseline towards its target, as a fraction: 0 at the baseline,
 * 1 at the target, below 0 when it moved the wrong way, above 1 past the target. Works for goals that
 * go down (fewer absences) as well as up. Null without a measurement or a usable baseline and target.
 */
export function progressOf(baseline: number | null, target: number | null, latest: number | null) {
  if (baseline === null || target === null || latest === null || target === baseline) return null;
  return (latest - baseline) / (target - baseline);
}
