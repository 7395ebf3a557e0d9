import { type CycleStage, cycleStages } from "../schemas/goal-enums.ts";

/**
 * What a cycle's stages ask of the team before it moves on. A stage is "done enough" when its essential
 * fields are filled in; the team may step back one stage at any time (to rework it), but never jump
 * ahead — each stage builds on the one before.
 */

export type StageState = {
  stage: number;
  goalId: string | null;
  decision: string | null;
  /** The current stage's notes and details as stored. */
  notes: string;
  details: Record<string, unknown>;
  /** How many pieces of evidence the current stage has. */
  evidenceCount: number;
};

export type Missing = { field: string; message: string };

export const stageKey = (stage: number): CycleStage => cycleStages[stage - 1] ?? "identify_needs";

const filled = (value: unknown) => typeof value === "string" && value.trim().length > 0;

/** What the current stage still needs before the team may move past it (empty: it may move on). */
export function missingToLeave(s: StageState): Missing[] {
  const d = s.details;
  const missing: Missing[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) missing.push({ field, message });
  };
  switch (stageKey(s.stage)) {
    case "identify_needs":
      need(
        filled(d.studentNeeds) || filled(d.educatorNeeds),
        "studentNeeds",
        "Write down the student or educator learning needs the team found.",
      );
      break;
    case "set_goal":
      need(s.goalId !== null, "goalId", "Pick the goal this cycle works towards.");
      break;
    case "professional_learning":
      need(filled(d.learningNeeds), "learningNeeds", "Write down what the team needs to learn.");
      break;
    case "plan_strategy":
      need(filled(d.strategy), "strategy", "Describe the strategy the team will try.");
      need(filled(d.from), "from", "Choose when the implementation starts.");
      need(filled(d.to), "to", "Choose when the implementation ends.");
      break;
    case "collect_evidence":
      need(
        s.evidenceCount > 0 || filled(d.summary),
        "evidence",
        "Add at least one piece of evidence or summarise what was collected.",
      );
      break;
    case "evaluate_results":
      need(filled(d.findings), "findings", "Write down what the evidence shows against the goal.");
      break;
    case "decide":
      need(s.decision !== null, "decision", "Decide: adopt, adapt or abandon the strategy.");
      break;
  }
  return missing;
}

export type MoveCheck =
  | { ok: true; direction: "next" | "back" | "stay" }
  | { ok: false; message: string; missing?: Missing[] };

/** Whether the team may go from the current stage to `to`: one forward once it is done, or one back. */
export function checkMove(s: StageState, to: number): MoveCheck {
  if (!Number.isInteger(to) || to < 1 || to > cycleStages.length)
    return { ok: false, message: "Choose a stage from 1 to 7." };
  if (to === s.stage) return { ok: true, direction: "stay" };
  if (to === s.stage - 1) return { ok: true, direction: "back" };
  if (to < s.stage) return { ok: false, message: "Go back one stage at a time." };
  if (to > s.stage + 1) return { ok: false, message: "Finish each stage in turn: you can't skip ahead." };
  if (s.stage === cycleStages.length)
    return { ok: false, message: "This is the last stage: record the decision to finish the cycle." };
  const missing = missingToLeave(s);
  if (missing.length > 0)
    return {
      ok: false,
      message: `Before moving on: ${missing.map((m) => m.message).join(" ")}`,
      missing,
    };
  return { ok: true, direction: "next" };
}
