import { type GoalLevel, referenceLevels } from "../schemas/goal-enums.ts";

/** A problem with one field of a goal: the field's name and what to fix. */
export type GoalProblem = { path: string; message: string };

/** The fields SMART validation looks at (a goal being created, or a goal as it would be after an edit). */
export type SmartFields = {
  level: GoalLevel;
  title: string;
  improvement: string;
  population: string;
  measure: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  startsOn: string | null;
  deadline: string | null;
  source: string;
  sourceUrl: string;
};

export const isReferenceLevel = (level: GoalLevel) => (referenceLevels as readonly string[]).includes(level);

/** Links must be https (a goal's source, a check-in's evidence): http leaks, javascript: runs. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * What makes a goal a goal. Reference goals (state, national) are a text with its source, a link
 * optional. Every other goal is SMART: what improves, for whom, measured how, in which unit, from which
 * baseline to which target (never the same: a target equal to the baseline asks for nothing), from a
 * start to a later deadline. One problem per field: the first thing wrong is the thing to fix.
 */
export function smartProblems(g: SmartFields): GoalProblem[] {
  const problems: GoalProblem[] = [];
  const need = (path: string, ok: boolean, message: string) => {
    if (!ok && !problems.some((p) => p.path === path)) problems.push({ path, message });
  };
  need("title", g.title.trim().length > 0, "Enter a title for the goal.");
  if (g.sourceUrl !== "") need("sourceUrl", isHttpsUrl(g.sourceUrl), "Enter a link starting with https://.");
  if (isReferenceLevel(g.level)) {
    need("source", g.source.trim().length > 0, "Say where this goal comes from, like the state's plan.");
    return problems;
  }
  need("improvement", g.improvement.trim().length > 0, "Say what will improve.");
  need("population", g.population.trim().length > 0, "Say for whom (which students or educators).");
  need("measure", g.measure.trim().length > 0, "Say how it will be measured.");
  need("unit", g.unit !== null, "Choose the unit the measure counts in.");
  need("baseline", g.baseline !== null, "Enter the baseline: where the measure is now.");
  need("target", g.target !== null, "Enter the target: where it should be by the deadline.");
  if (g.baseline !== null && g.target !== null)
    need("target", g.target !== g.baseline, "Choose a target different from the baseline.");
  need("startsOn", g.startsOn !== null, "Enter the date the work starts.");
  need("deadline", g.deadline !== null, "Enter the deadline.");
  if (g.startsOn !== null && g.deadline !== null)
    need("deadline", g.deadline > g.startsOn, "Choose a deadline after the start date.");
  return problems;
}
