import { type GoalLevel, levelAbove } from "../schemas/goal-enums.ts";
import type { GoalProblem } from "./smart.ts";

export type AlignmentEdge = { goalId: string; alignedToId: string };
export type AlignableGoal = { id: string; level: GoalLevel };

/**
 * Whether following the edges from `start` reaches `target` (a depth-first walk; each goal visited once,
 * so it terminates on any graph, even one that already has a loop).
 */
export function reaches(edges: readonly AlignmentEdge[], start: string, target: string): boolean {
  const up = new Map<string, string[]>();
  for (const e of edges) up.set(e.goalId, [...(up.get(e.goalId) ?? []), e.alignedToId]);
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (next === target) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(up.get(next) ?? []));
  }
  return false;
}

/**
 * Whether `goal` may align to exactly `candidates` (replacing what it aligned to before), given the
 * district's other alignment `edges`: never to itself, only to goals exactly one level above, and never so
 * that the alignments loop. Levels alone make a loop impossible today; the loop check does not rely on
 * them, so a future rule (aligning across levels) cannot introduce one unnoticed.
 */
export function checkAlignment(
  goal: AlignableGoal,
  candidates: readonly AlignableGoal[],
  edges: readonly AlignmentEdge[],
): GoalProblem | null {
  const path = "alignedToIds";
  const above = levelAbove(goal.level);
  const others = edges.filter((e) => e.goalId !== goal.id);
  for (const c of candidates) {
    if (c.id === goal.id) return { path, message: "A goal cannot align to itself." };
    if (above === null) return { path, message: "National goals are the top level: they align to nothing." };
    if (c.level !== above)
      return { path, message: `Choose goals of the ${above} level, the one directly above this goal.` };
    if (reaches(others, c.id, goal.id))
      return { path, message: "These alignments would make a loop: a goal cannot serve itself." };
  }
  return null;
}
