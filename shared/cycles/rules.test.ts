import { describe, expect, it } from "vitest";
import { stageDetailSchemas } from "../schemas/cycles.ts";
import { checkMove, missingToLeave, type StageState } from "./rules.ts";

const at = (stage: number, extra: Partial<StageState> = {}): StageState => ({
  stage,
  goalId: null,
  decision: null,
  notes: "",
  details: {},
  evidenceCount: 0,
  ...extra,
});

describe("what each stage needs before the team moves on", () => {
  it("stage 1 needs the learning needs found", () => {
    expect(missingToLeave(at(1)).map((m) => m.field)).toEqual(["studentNeeds"]);
    expect(missingToLeave(at(1, { details: { educatorNeeds: "Questioning" } }))).toEqual([]);
    expect(missingToLeave(at(1, { details: { studentNeeds: "   " } }))).toHaveLength(1);
  });

  it("stage 2 needs a goal", () => {
    const move = checkMove(at(2), 3);
    expect(move.ok).toBe(false);
    if (!move.ok) expect(move.message).toContain("Pick the goal");
    expect(checkMove(at(2, { goalId: "g" }), 3)).toEqual({ ok: true, direction: "next" });
  });

  it("stage 3 needs what the team will learn", () => {
    expect(missingToLeave(at(3)).map((m) => m.field)).toEqual(["learningNeeds"]);
  });

  it("stage 4 needs a strategy and both plan dates", () => {
    expect(missingToLeave(at(4)).map((m) => m.field)).toEqual(["strategy", "from", "to"]);
    const planned = { strategy: "Number talks", from: "2026-09-01", to: "2026-10-15" };
    expect(missingToLeave(at(4, { details: planned }))).toEqual([]);
  });

  it("stage 5 needs evidence or a summary of it", () => {
    expect(missingToLeave(at(5))).toHaveLength(1);
    expect(missingToLeave(at(5, { evidenceCount: 1 }))).toEqual([]);
    expect(missingToLeave(at(5, { details: { summary: "Exit tickets" } }))).toEqual([]);
  });

  it("stage 6 needs findings; stage 7 a decision and it is the end", () => {
    expect(missingToLeave(at(6)).map((m) => m.field)).toEqual(["findings"]);
    expect(missingToLeave(at(7)).map((m) => m.field)).toEqual(["decision"]);
    const last = checkMove(at(7, { decision: "adopt" }), 8);
    expect(last.ok).toBe(false);
  });
});

describe("moving between stages", () => {
  it("goes back one stage, never skips ahead or jumps back several", () => {
    expect(checkMove(at(4), 3)).toEqual({ ok: true, direction: "back" });
    expect(checkMove(at(4), 2).ok).toBe(false);
    const skip = checkMove(at(1, { details: { studentNeeds: "Fractions" } }), 3);
    expect(skip.ok).toBe(false);
    if (!skip.ok) expect(skip.message).toContain("skip");
  });

  it("staying where it is is harmless (a double submit)", () => {
    expect(checkMove(at(3), 3)).toEqual({ ok: true, direction: "stay" });
  });

  it("refuses a stage that does not exist", () => {
    expect(checkMove(at(1), 0).ok).toBe(false);
    expect(checkMove(at(1), 1.5).ok).toBe(false);
  });
});

describe("stage fields", () => {
  it("an implementation plan ends on or after it starts", () => {
    const bad = stageDetailSchemas.plan_strategy.safeParse({ from: "2026-10-01", to: "2026-09-01" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.path).toEqual(["to"]);
    expect(stageDetailSchemas.plan_strategy.safeParse({ from: "2026-09-01", to: "2026-09-01" }).success).toBe(
      true,
    );
  });

  it("refuses fields another stage records", () => {
    expect(stageDetailSchemas.set_goal.safeParse({ strategy: "x" }).success).toBe(false);
  });
});
