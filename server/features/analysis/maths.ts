/*
 * The arithmetic of analysis, kept pure so it is checked against hand-computed fixtures (maths.test.ts).
 * SQL (queries.ts) only counts; what a count means — a percent, a band, a suppressed group — is here.
 */

/** A percent rounded to one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * At or above the threshold: points ÷ max ≥ mastery ÷ 100. Compared as points × 100 ≥ mastery × max so
 * 8 of 10 at 80 % is mastered despite floating point (the SQL in queries.ts compares the same way).
 */
export function isMastered(points: number, maxPoints: number, masteryPercent: number): boolean {
  return points * 100 >= masteryPercent * maxPoints - 1e-9;
}

/** What SQL counts for one group (a class, a school, a teacher, everyone) on one standard or overall. */
export type GroupCounts = {
  students: number;
  mastered: number;
  /** How many of the students the reader has a roster relationship to (features/students rule). */
  visible: number;
  /** The sum of the students' percents of the points (0–100 each). */
  sumPercent: number;
};

/**
 * A group is hidden when it is smaller than the district's minimum and the reader is not related to
 * every student in it (a teacher sees her own small class; a colleague does not).
 */
export function isSuppressed(c: Pick<GroupCounts, "students" | "visible">, minimum: number): boolean {
  return c.students > 0 && c.students < minimum && c.visible < c.students;
}

export type Mastery = {
  students: number;
  suppressed: boolean;
  percentMastered: number | null;
  meanPercent: number | null;
};

export function masteryOf(c: GroupCounts, minimum: number): Mastery {
  if (isSuppressed(c, minimum))
    return { students: c.students, suppressed: true, percentMastered: null, meanPercent: null };
  return {
    students: c.students,
    suppressed: false,
    percentMastered: percent(c.mastered, c.students),
    meanPercent: c.students ? Math.round((c.sumPercent / c.students) * 10) / 10 : null,
  };
}

/** The standard with the lowest percent mastered among those shown; ties go to the first listed. */
export function weakestStandard(
  standards: { standard: string; percentMastered: number | null }[],
): string | null {
  let weakest: { standard: string; percentMastered: number } | null = null;
  for (const s of standards)
    if (s.percentMastered !== null && (weakest === null || s.percentMastered < weakest.percentMastered))
      weakest = { standard: s.standard, percentMastered: s.percentMastered };
  return weakest?.standard ?? null;
}

/**
 * The band a points item's score falls in: each whole score for items of up to 5 points ("1 of 2"),
 * quarters of the points for longer ones ("50–74%"). The label is what the distribution shows.
 */
export function scoreBand(score: number, maxPoints: number): { label: string; order: number; full: boolean } {
  if (maxPoints <= 5 && Number.isInteger(maxPoints)) {
    const whole = Math.max(0, Math.min(maxPoints, Math.floor(score)));
    return { label: `${whole} of ${maxPoints}`, order: whole, full: whole === maxPoints };
  }
  const share = score / maxPoints;
  const quarter = share >= 1 ? 4 : share >= 0.75 ? 3 : share >= 0.5 ? 2 : share >= 0.25 ? 1 : 0;
  const labels = ["0–24%", "25–49%", "50–74%", "75–99%", "100%"];
  return { label: labels[quarter] as string, order: quarter, full: quarter === 4 };
}

export type ItemFacts = { kind: "points" | "choice"; maxPoints: number; answerKey: string };
/** Results of one item as SQL counts them: how many students gave this response with this score. */
export type AnswerCount = { response: string; score: number; count: number };
export type AnswerShare = { answer: string; count: number; correct: boolean };

export type ItemResult = {
  responses: number;
  percentCorrect: number | null;
  distribution: AnswerShare[];
  mostCommonWrong: string | null;
};

/**
 * Item analysis. Choice items: percent choosing the key, the letters chosen (a blank is ""), and the
 * most chosen wrong letter (blanks are not an answer). Points items: mean score ÷ maximum, the score
 * bands, and the most common band short of full marks.
 */
export function analyseItem(item: ItemFacts, answers: AnswerCount[]): ItemResult {
  const responses = answers.reduce((sum, a) => sum + a.count, 0);
  const tally = new Map<string, AnswerShare & { order: number }>();
  let correct = 0;
  for (const a of answers) {
    const { key, order, right } = bandOf(item, a);
    if (item.kind === "choice" && right) correct += a.count;
    if (item.kind === "points") correct += a.score * a.count;
    const found = tally.get(key) ?? { answer: key, count: 0, correct: right, order };
    found.count += a.count;
    tally.set(key, found);
  }
  const distribution = [...tally.values()]
    .sort((a, b) => a.order - b.order || a.answer.localeCompare(b.answer))
    .map(({ answer, count, correct }) => ({ answer, count, correct }));
  const wrong = distribution
    .filter((d) => !d.correct && d.answer !== "")
    .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))[0];
  const whole = item.kind === "choice" ? responses : responses * item.maxPoints;
  return {
    responses,
    percentCorrect: percent(correct, whole),
    distribution,
    mostCommonWrong: wrong?.answer ?? null,
  };
}

function bandOf(item: ItemFacts, a: AnswerCount) {
  if (item.kind === "choice") {
    const key = a.response.trim().toUpperCase();
    // Letters in order; a blank last.
    return { key, order: key === "" ? 1000 : 0, right: key !== "" && key === item.answerKey.toUpperCase() };
  }
  const band = scoreBand(a.score, item.maxPoints);
  return { key: band.label, order: band.order, right: band.full };
}
