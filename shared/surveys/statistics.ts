/*
 * The arithmetic of survey results, pure so the server, the CSV, the trend and the tests share it.
 *
 * Everything starts from counts per scale point (what `group by question_key, value` gives), never from
 * a list of answers: a district survey has 150,000 of them and the database counts them.
 *
 * Standard deviation is the POPULATION one (divide by n, not n − 1). The respondents are not a sample
 * from which we estimate something larger: they are the group, and the community-health tradition
 * reads the SD as how much *these* people agree (0 = everyone chose the same point). It is also defined
 * for a single answer (0), where the sample SD is not.
 */

/** Counts per scale point: value → how many chose it. */
export type Counts = ReadonlyMap<number, number>;

export type DistributionEntry = { value: number; count: number; percent: number };

export type Summary = {
  count: number;
  /** Null when nobody answered. */
  mean: number | null;
  sd: number | null;
  /** One entry per scale point 1…points, in order, zeros included. */
  distribution: DistributionEntry[];
};

/** Rounds for display (means and SDs to 2 decimals, percents to 1). */
export const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** Percent of `part` in `whole`, 1 decimal; 0 when the whole is empty. */
export const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : round((part / whole) * 100, 1));

/** Count, mean, population SD and distribution of a scale from counts per point (points outside 1…points are ignored). */
export function summarize(counts: Counts, points: number): Summary {
  let n = 0;
  let sum = 0;
  for (let v = 1; v <= points; v++) {
    const c = counts.get(v) ?? 0;
    n += c;
    sum += c * v;
  }
  const distribution = Array.from({ length: points }, (_, i) => {
    const count = counts.get(i + 1) ?? 0;
    return { value: i + 1, count, percent: percentOf(count, n) };
  });
  if (n === 0) return { count: 0, mean: null, sd: null, distribution };
  const mean = sum / n;
  let squares = 0;
  for (let v = 1; v <= points; v++) squares += (counts.get(v) ?? 0) * (v - mean) ** 2;
  return { count: n, mean, sd: Math.sqrt(squares / n), distribution };
}

/** Counts from a list of answers (tests, small sets). */
export function countsOf(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** The counts of several questions pooled: a section's summary is over all its Likert answers. */
export function pool(all: readonly Counts[]): Map<number, number> {
  const pooled = new Map<number, number>();
  for (const counts of all) for (const [v, c] of counts) pooled.set(v, (pooled.get(v) ?? 0) + c);
  return pooled;
}

export type Rated = { mean: number | null };

/**
 * Strengths (mean ≥ threshold, highest first) and growth areas (below it, lowest first — the weakest
 * leads). Ties keep their given order (the survey's). Items nobody rated are in neither.
 */
export function strengthsAndGrowthAreas<T extends Rated>(
  items: readonly T[],
  threshold: number,
): { strengths: T[]; growthAreas: T[] } {
  const rated = items.filter((i): i is T & { mean: number } => i.mean !== null);
  const strengths = rated.filter((i) => i.mean >= threshold).sort((a, b) => b.mean - a.mean);
  const growthAreas = rated.filter((i) => i.mean < threshold).sort((a, b) => a.mean - b.mean);
  return { strengths, growthAreas };
}

/** Below the minimum, results are hidden: nothing is shown of a group smaller than it. */
export const isHidden = (count: number, minimum: number) => count < minimum;

export type SliceCheck =
  | { allowed: true }
  | { allowed: false; reason: "too_few" | "too_few_others"; count: number };

/**
 * Whether a filtered slice of an anonymous survey may be shown. Two rules:
 * - the slice itself must reach the minimum;
 * - so must what the slice leaves out of each larger group the reader can also see (`wholes`, e.g. all
 *   responses, or the school when the slice is a school × role), unless it leaves nobody out. Otherwise
 *   "everyone" minus "school A" is the answers of the few elsewhere, worked out by subtraction.
 * `count` in a refusal is how many there are (the slice, or the others), for the message.
 */
export function checkSlice(slice: number, wholes: readonly number[], minimum: number): SliceCheck {
  if (slice < minimum) return { allowed: false, reason: "too_few", count: slice };
  for (const whole of wholes) {
    const others = whole - slice;
    if (others > 0 && others < minimum) return { allowed: false, reason: "too_few_others", count: others };
  }
  return { allowed: true };
}
