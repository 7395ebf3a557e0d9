import { describe, expect, it } from "vitest";
import {
  analyseItem,
  isMastered,
  isSuppressed,
  masteryOf,
  percent,
  scoreBand,
  weakestStandard,
} from "./maths.ts";
import { foldSchoolSets } from "./queries.ts";

/* Every expected number below was worked out by hand from the fixture beside it. */

describe("percent and mastery", () => {
  it("rounds to one decimal and has nothing to say about nobody", () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
  });

  it("counts exactly the threshold as mastered", () => {
    expect(isMastered(8, 10, 80)).toBe(true); // 80 % of 10
    expect(isMastered(7.9, 10, 80)).toBe(false); // 79 %
    expect(isMastered(2, 3, 66.7)).toBe(false); // 66.67 % < 66.7 %
    expect(isMastered(7, 10, 70)).toBe(true); // 0.7 × 10 in floating point
  });

  it("gives a class of 12 with 9 mastering 75 % mastered and a mean of its percents", () => {
    // Percents: nine students at 90 %, three at 40 % → (9×90 + 3×40) / 12 = 930 / 12 = 77.5.
    const m = masteryOf({ students: 12, mastered: 9, visible: 0, sumPercent: 9 * 90 + 3 * 40 }, 10);
    expect(m).toEqual({ students: 12, suppressed: false, percentMastered: 75, meanPercent: 77.5 });
  });

  it("hides a small group from a reader not related to all of it, not from her own class's teacher", () => {
    // 6 students, minimum 10: a colleague who teaches 2 of them sees no numbers…
    expect(masteryOf({ students: 6, mastered: 3, visible: 2, sumPercent: 400 }, 10)).toEqual({
      students: 6,
      suppressed: true,
      percentMastered: null,
      meanPercent: null,
    });
    // …their own teacher (all 6 on her roster) sees 3 of 6 = 50 %, mean 400 / 6 = 66.7.
    expect(masteryOf({ students: 6, mastered: 3, visible: 6, sumPercent: 400 }, 10)).toMatchObject({
      suppressed: false,
      percentMastered: 50,
      meanPercent: 66.7,
    });
    expect(isSuppressed({ students: 10, visible: 0 }, 10)).toBe(false);
    expect(isSuppressed({ students: 9, visible: 0 }, 10)).toBe(true);
    expect(isSuppressed({ students: 0, visible: 0 }, 10)).toBe(false);
  });

  it("names the weakest standard among those shown", () => {
    expect(
      weakestStandard([
        { standard: "7.RP.1", percentMastered: 62.5 },
        { standard: "7.RP.2", percentMastered: null },
        { standard: "7.EE.1", percentMastered: 40 },
        { standard: "7.EE.2", percentMastered: 40 },
      ]),
    ).toBe("7.EE.1");
    expect(weakestStandard([{ standard: "7.RP.2", percentMastered: null }])).toBeNull();
  });
});

describe("item analysis", () => {
  it("a choice item: share choosing the key, letters in order, the most chosen wrong letter", () => {
    // 10 students: B (key) ×4, C ×3, A ×2, blank ×1 → 4 / 10 = 40 %; most common wrong C.
    const result = analyseItem({ kind: "choice", maxPoints: 1, answerKey: "B" }, [
      { response: "c", score: 0, count: 3 },
      { response: "B", score: 1, count: 4 },
      { response: "A", score: 0, count: 2 },
      { response: "", score: 0, count: 1 },
    ]);
    expect(result).toEqual({
      responses: 10,
      percentCorrect: 40,
      distribution: [
        { answer: "A", count: 2, correct: false },
        { answer: "B", count: 4, correct: true },
        { answer: "C", count: 3, correct: false },
        { answer: "", count: 1, correct: false },
      ],
      mostCommonWrong: "C",
    });
  });

  it("a wrong-answer tie goes to the first letter; a blank is never the wrong answer", () => {
    const result = analyseItem({ kind: "choice", maxPoints: 1, answerKey: "A" }, [
      { response: "D", score: 0, count: 2 },
      { response: "C", score: 0, count: 2 },
      { response: "", score: 0, count: 5 },
    ]);
    expect(result.mostCommonWrong).toBe("C");
    expect(result.percentCorrect).toBe(0);
  });

  it("a 2-point item: mean score ÷ max, one band per score, the commonest band short of full", () => {
    // Scores 0 ×1, 1 ×3, 2 ×2 → (0 + 3 + 4) / (6 × 2) = 7 / 12 = 58.3 %.
    const result = analyseItem({ kind: "points", maxPoints: 2, answerKey: "" }, [
      { response: "", score: 2, count: 2 },
      { response: "", score: 0, count: 1 },
      { response: "", score: 1, count: 3 },
    ]);
    expect(result).toEqual({
      responses: 6,
      percentCorrect: 58.3,
      distribution: [
        { answer: "0 of 2", count: 1, correct: false },
        { answer: "1 of 2", count: 3, correct: false },
        { answer: "2 of 2", count: 2, correct: true },
      ],
      mostCommonWrong: "1 of 2",
    });
  });

  it("a 10-point item falls in quarter bands; half points count in the mean", () => {
    // Scores 10, 7.5, 5, 2.5, 0 (one each) → 25 / 50 = 50 %.
    const result = analyseItem(
      { kind: "points", maxPoints: 10, answerKey: "" },
      [10, 7.5, 5, 2.5, 0].map((score) => ({ response: "", score, count: 1 })),
    );
    expect(result.percentCorrect).toBe(50);
    expect(result.distribution.map((d) => d.answer)).toEqual(["0–24%", "25–49%", "50–74%", "75–99%", "100%"]);
    expect(scoreBand(7.4, 10).label).toBe("50–74%");
    expect(scoreBand(2.5, 3).label).toBe("2 of 3");
  });

  it("an item nobody answered has no percent", () => {
    expect(analyseItem({ kind: "points", maxPoints: 1, answerKey: "" }, [])).toEqual({
      responses: 0,
      percentCorrect: null,
      distribution: [],
      mostCommonWrong: null,
    });
  });
});

describe("everyone and schools from sets of schools", () => {
  it("counts a student of two schools in both, once in everyone; a school outside the scope not at all", () => {
    const row = (school_ids: string[], students: number, mastered: number, sum_percent: number) => ({
      school_ids,
      standard: "7.RP.1",
      students,
      mastered,
      visible: 0,
      sum_percent,
    });
    const folded = foldSchoolSets(
      [row(["A"], 3, 1, 150), row(["A", "B"], 2, 2, 200), row(["C"], 4, 0, 40), row([], 1, 1, 100)],
      (id) => id !== "C",
    );
    const find = (kind: string, id: string | null) =>
      folded.find((g) => g.kind === kind && g.group_id === id);
    // Everyone: 3 + 2 + 4 + 1 = 10 students, 1 + 2 + 0 + 1 = 4 mastered, 150 + 200 + 40 + 100 = 490.
    expect(find("all", null)).toMatchObject({ students: 10, mastered: 4, sum_percent: 490 });
    // School A: 3 + 2 students; B: the 2 of both; C left out.
    expect(find("school", "A")).toMatchObject({ students: 5, mastered: 3, sum_percent: 350 });
    expect(find("school", "B")).toMatchObject({ students: 2, mastered: 2 });
    expect(find("school", "C")).toBeUndefined();
  });
});
