import { describe, expect, it } from "vitest";
import { hoursSchema, schoolYearBounds, schoolYearOf, schoolYearSchema, totalsOf } from "./learning-plans.ts";

describe("the school year", () => {
  it("starts on 1 August", () => {
    expect(schoolYearOf("2026-07-31")).toBe("2025-26");
    expect(schoolYearOf("2026-08-01")).toBe("2026-27");
    expect(schoolYearOf("2027-01-15")).toBe("2026-27");
    expect(schoolYearOf("2099-12-31")).toBe("2099-00");
    expect(schoolYearBounds("2026-27")).toEqual({ first: "2026-08-01", last: "2027-07-31" });
  });

  it("is named like 2026-27", () => {
    expect(schoolYearSchema.safeParse("2026-27").success).toBe(true);
    expect(schoolYearSchema.safeParse("2026-28").success).toBe(false);
    expect(schoolYearSchema.safeParse("2026").success).toBe(false);
  });
});

describe("hours", () => {
  it("are 0 to 1,000 in quarter hours", () => {
    for (const ok of [0, 0.25, 3.5, 1000]) expect(hoursSchema.safeParse(ok).success).toBe(true);
    expect(hoursSchema.safeParse(1.3).error?.issues[0]?.message).toBe(
      "Use quarter hours: 1, 1.25, 1.5 or 1.75.",
    );
    expect(hoursSchema.safeParse(-1).error?.issues[0]?.message).toBe("Hours cannot be negative.");
    expect(hoursSchema.safeParse(1000.25).error?.issues[0]?.message).toBe("Enter at most 1,000 hours.");
  });
});

describe("totals", () => {
  it("add up overall, per learning goal (then no goal) and per kind", () => {
    const totals = totalsOf(
      [
        { kind: "course", hours: 3.5, learningGoalId: "g1" },
        { kind: "reflection", hours: null, learningGoalId: "g1" },
        { kind: "meeting", hours: 1, learningGoalId: "g2" },
        { kind: "course", hours: 2.25, learningGoalId: null },
      ],
      ["g1", "g2", "g3"],
    );
    expect(totals.hours).toBe(6.75);
    expect(totals.byGoal).toEqual([
      { learningGoalId: "g1", hours: 3.5 },
      { learningGoalId: "g2", hours: 1 },
      { learningGoalId: "g3", hours: 0 },
      { learningGoalId: null, hours: 2.25 },
    ]);
    expect(totals.byKind).toEqual([
      { kind: "meeting", hours: 1 },
      { kind: "course", hours: 5.75 },
      { kind: "reflection", hours: 0 },
    ]);
  });
});
