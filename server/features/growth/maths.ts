/*
 * Growth maths, pure so it is checked against hand-computed fixtures (maths.test.ts). A student counts
 * when they have results on both assessments; "mastered" uses each assessment's own threshold.
 */

export type Pair = { studentId: string; before: number; after: number };
export type Side = { percentMastered: number | null; averagePercent: number | null };
export type Summary = { students: number; before: Side; after: Side; change: Side };

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function sideOf(values: number[], mastery: number): Side {
  if (!values.length) return { percentMastered: null, averagePercent: null };
  const mastered = values.filter((v) => v >= mastery).length;
  const sum = values.reduce((a, b) => a + b, 0);
  return { percentMastered: (100 * mastered) / values.length, averagePercent: sum / values.length };
}

const round = (s: Side): Side => ({
  percentMastered: s.percentMastered === null ? null : oneDecimal(s.percentMastered),
  averagePercent: s.averagePercent === null ? null : oneDecimal(s.averagePercent),
});

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** Before, after and the change (after − before, in percentage points; computed before rounding). */
export function summarise(pairs: Pair[], beforeMastery: number, afterMastery: number): Summary {
  const before = sideOf(
    pairs.map((p) => p.before),
    beforeMastery,
  );
  const after = sideOf(
    pairs.map((p) => p.after),
    afterMastery,
  );
  return {
    students: pairs.length,
    before: round(before),
    after: round(after),
    change: round({
      percentMastered: minus(after.percentMastered, before.percentMastered),
      averagePercent: minus(after.averagePercent, before.averagePercent),
    }),
  };
}

/** Students in both, from the two assessments' per-student percents. */
export function pairUp(before: Map<string, number>, after: Map<string, number>): Pair[] {
  const pairs: Pair[] = [];
  for (const [studentId, b] of before) {
    const a = after.get(studentId);
    if (a !== undefined) pairs.push({ studentId, before: b, after: a });
  }
  return pairs;
}
