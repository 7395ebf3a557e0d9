import { describe, expect, it } from "vitest";
import {
  checkSlice,
  countsOf,
  isHidden,
  percentOf,
  pool,
  round,
  strengthsAndGrowthAreas,
  summarize,
} from "./statistics.ts";

// Hand-computed fixtures: every expected figure below was worked out on paper, not by the code.

describe("summarize", () => {
  it("computes count, mean, population SD and distribution of a 4-point scale", () => {
    // answers 1, 2, 2, 3, 4, 4: sum 16, mean 16/6 = 2.6667;
    // squared deviations 2.7778 + 0.4444×2 + 0.1111 + 1.7778×2 = 7.3333; /6 = 1.2222; √ = 1.1055
    const s = summarize(countsOf([1, 2, 2, 3, 4, 4]), 4);
    expect(s.count).toBe(6);
    expect(round(s.mean ?? 0, 4)).toBe(2.6667);
    expect(round(s.sd ?? 0, 4)).toBe(1.1055);
    expect(s.distribution).toEqual([
      { value: 1, count: 1, percent: 16.7 },
      { value: 2, count: 2, percent: 33.3 },
      { value: 3, count: 1, percent: 16.7 },
      { value: 4, count: 2, percent: 33.3 },
    ]);
  });

  it("reads full agreement as an SD of 0, and a single answer too", () => {
    expect(summarize(countsOf([3, 3, 3, 3, 3]), 4)).toMatchObject({ count: 5, mean: 3, sd: 0 });
    expect(summarize(countsOf([2]), 4)).toMatchObject({ count: 1, mean: 2, sd: 0 });
  });

  it("reads a split team as a wide SD: half 1, half 4 → mean 2.5, SD 1.5", () => {
    expect(summarize(countsOf([1, 1, 4, 4]), 4)).toMatchObject({ mean: 2.5, sd: 1.5 });
  });

  it("has no mean or SD when nobody answered, and lists every point with zeros", () => {
    const s = summarize(new Map(), 5);
    expect(s).toMatchObject({ count: 0, mean: null, sd: null });
    expect(s.distribution.map((d) => [d.value, d.count, d.percent])).toEqual([
      [1, 0, 0],
      [2, 0, 0],
      [3, 0, 0],
      [4, 0, 0],
      [5, 0, 0],
    ]);
  });

  it("ignores values outside the scale", () => {
    expect(summarize(countsOf([4, 4, 9, 0]), 4)).toMatchObject({ count: 2, mean: 4 });
  });
});

describe("pool (a section over all its statements)", () => {
  it("pools the answers, not the means: 3 answers of 4 and 1 answer of 1 → mean 3.25", () => {
    // statement A: 4, 4, 4 (mean 4); statement B: 1 (mean 1). Mean of means would be 2.5.
    // pooled: 13/4 = 3.25; deviations 0.5625×3 + 5.0625 = 6.75; /4 = 1.6875; √ = 1.299
    const s = summarize(pool([countsOf([4, 4, 4]), countsOf([1])]), 4);
    expect(s.mean).toBe(3.25);
    expect(round(s.sd ?? 0, 3)).toBe(1.299);
  });
});

describe("strengths and growth areas", () => {
  const items = [
    { key: "a", mean: 3.0 },
    { key: "b", mean: 2.2 },
    { key: "c", mean: 3.6 },
    { key: "d", mean: null },
    { key: "e", mean: 2.99 },
  ];
  it("puts 3.0 and above among strengths (highest first), the rest among growth areas (weakest first)", () => {
    const { strengths, growthAreas } = strengthsAndGrowthAreas(items, 3);
    expect(strengths.map((i) => i.key)).toEqual(["c", "a"]);
    expect(growthAreas.map((i) => i.key)).toEqual(["b", "e"]);
  });
});

describe("suppression", () => {
  it("hides a group below the minimum and shows it at the minimum", () => {
    expect(isHidden(4, 5)).toBe(true);
    expect(isHidden(5, 5)).toBe(false);
  });

  it("refuses a slice below the minimum, naming how many it holds", () => {
    expect(checkSlice(3, [20], 5)).toEqual({ allowed: false, reason: "too_few", count: 3 });
  });

  it("refuses a slice whose complement is below the minimum (all minus it would reveal the few others)", () => {
    expect(checkSlice(17, [20], 5)).toEqual({ allowed: false, reason: "too_few_others", count: 3 });
    // a school × role slice is checked against the school and the role too
    expect(checkSlice(6, [30, 8, 12], 5)).toEqual({ allowed: false, reason: "too_few_others", count: 2 });
  });

  it("allows a slice that leaves nobody out, or at least the minimum out", () => {
    expect(checkSlice(20, [20], 5)).toEqual({ allowed: true });
    expect(checkSlice(15, [20], 5)).toEqual({ allowed: true });
  });
});

describe("percentOf", () => {
  it("is 0 of nothing and one decimal otherwise", () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(2, 3)).toBe(66.7);
  });
});
