/** What other features place from this one: the counts of a survey, next to the student data. */
export { type Survey, surveyListQuery, surveyQuery } from "./api.ts";
export { LearningNeedsSummary } from "./summary.tsx";
export { TeamLearningNeeds } from "./team-section.tsx";
