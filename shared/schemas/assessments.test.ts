import { describe, expect, it } from "vitest";
import { assessmentInputSchema, importOptionsSchema } from "./assessments.ts";

const valid = {
  title: "Ratios CFA",
  items: [
    { label: "Q1", maxPoints: 2, standard: "7.RP.A.1" },
    { label: "Q2", kind: "choice", maxPoints: 1, answerKey: "b" },
  ],
};
const issues = (input: unknown) =>
  assessmentInputSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

describe("an assessment as entered", () => {
  it("defaults the mastery threshold and upper-cases the key", () => {
    const a = assessmentInputSchema.parse(valid);
    expect(a.masteryPercent).toBe(80);
    expect(a.items[1]).toMatchObject({ kind: "choice", answerKey: "B" });
    expect(a.items[0]).toMatchObject({ kind: "points", answerKey: "" });
  });

  it("names the field to fix: a choice without a key, a repeated label, a threshold over 100", () => {
    expect(issues({ ...valid, items: [{ label: "Q1", kind: "choice", maxPoints: 1 }] })).toEqual([
      ["items.0.answerKey", "Give the letter of the right answer (A, B, C…)."],
    ]);
    expect(issues({ ...valid, items: [valid.items[0], { label: "q1", maxPoints: 1 }] })).toEqual([
      ["items.1.label", "Another item is labelled “q1”: give each item its own label."],
    ]);
    expect(issues({ ...valid, masteryPercent: 120 })).toEqual([
      ["masteryPercent", "The mastery threshold is at most 100%."],
    ]);
  });

  it("reads import options with the mode defaulting to all or nothing", () => {
    const o = importOptionsSchema.parse({
      shape: "wide",
      mapping: { shape: "wide", student: "ID", items: { Q1: "Q1" } },
    });
    expect(o.mode).toBe("all_or_nothing");
  });
});
