/** The fixed vocabularies of goals, alignment and improvement cycles (capability 4). */

/**
 * Where a goal sits. Reference goals (state or national) are written down for alignment only; the others
 * are owned and measured. Each level aligns to the level directly above it (see levelAbove).
 */
export const goalLevels = ["national", "state", "district", "school", "community"] as const;
export type GoalLevel = (typeof goalLevels)[number];
export const referenceLevels = ["national", "state"] as const satisfies readonly GoalLevel[];

export const goalStatuses = [
  "not_started",
  "on_track",
  "at_risk",
  "off_track",
  "met",
  "not_met",
  "retired",
] as const;
export type GoalStatus = (typeof goalStatuses)[number];
/** A goal in one of these has its result: it no longer counts as "past its deadline without a result". */
export const closedGoalStatuses = ["met", "not_met", "retired"] as const satisfies readonly GoalStatus[];

/** What a goal's measure counts in; every measurement of the goal is in the same unit. */
export const goalUnits = ["percent", "points", "count", "rating", "days", "hours"] as const;
export type GoalUnit = (typeof goalUnits)[number];

/** Where a measurement came from: typed in by a person, or (later) computed from imported data. */
export const measurementSources = ["manual", "import"] as const;
export type MeasurementSource = (typeof measurementSources)[number];

/** The seven stages of a cycle of inquiry, in order (stage numbers are 1-based positions in this list). */
export const cycleStages = [
  "identify_needs",
  "set_goal",
  "professional_learning",
  "plan_strategy",
  "collect_evidence",
  "evaluate_results",
  "decide",
] as const;
export type CycleStage = (typeof cycleStages)[number];

export const cycleStatuses = ["active", "completed", "stopped"] as const;
export type CycleStatus = (typeof cycleStatuses)[number];

/** Stage 7: what the team does with the strategy. */
export const cycleDecisions = ["adopt", "adapt", "abandon"] as const;
export type CycleDecision = (typeof cycleDecisions)[number];

/** What a piece of evidence points at: something in Lamplight, or a link. */
export const evidenceKinds = ["artifact", "meeting", "goal", "url"] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** The level a goal of this level aligns to (null: national goals align to nothing). */
export function levelAbove(level: GoalLevel): GoalLevel | null {
  const index = goalLevels.indexOf(level);
  return index > 0 ? (goalLevels[index - 1] ?? null) : null;
}
