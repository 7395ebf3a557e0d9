/** What other features use from this one: the plan of a year (the journal adds entries to it). */
export { type LearningPlan, planKeys, planQuery } from "./api.ts";
