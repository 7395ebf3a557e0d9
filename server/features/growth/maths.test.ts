import { describe, expect, it } from "vitest";
import { pairUp, summarise } from "./maths.ts";

describe("growth", () => {
  it("matches a hand-computed fixture", () => {
    // Before (mastery 80): 40, 60, 80, 100 → 2 of 4 mastered = 50%, average 70.
    // After (mastery 75): 70, 75, 90, 100 → 3 of 4 = 75%, average 83.75 → 83.8; change +25 and +13.75 → 13.8.
    const before = new Map([
      ["a", 40],
      ["b", 60],
      ["c", 80],
      ["d", 100],
      ["only-before", 0],
    ]);
    const after = new Map([
      ["a", 70],
      ["b", 75],
      ["c", 90],
      ["d", 100],
      ["only-after", 100],
    ]);
    const pairs = pairUp(before, after);
    expect(pairs.map((p) => p.studentId)).toEqual(["a", "b", "c", "d"]);
    expect(summarise(pairs, 80, 75)).toEqual({
      students: 4,
      before: { percentMastered: 50, averagePercent: 70 },
      after: { percentMastered: 75, averagePercent: 83.8 },
      change: { percentMastered: 25, averagePercent: 13.8 },
    });
  });

  it("rounds the change from unrounded values, and can fall", () => {
    // Thirds: before 1 of 3 mastered (33.33…), after 0 of 3 → −33.3.
    const s = summarise(
      [
        { studentId: "a", before: 90, after: 50 },
        { studentId: "b", before: 10, after: 20 },
        { studentId: "c", before: 20, after: 30 },
      ],
      80,
      80,
    );
    expect(s.before.percentMastered).toBe(33.3);
    expect(s.change).toEqual({ percentMastered: -33.3, averagePercent: -6.7 });
  });

  it("has nothing to say about no students", () => {
    expect(summarise([], 80, 80).change).toEqual({ percentMastered: null, averagePercent: null });
  });
});
