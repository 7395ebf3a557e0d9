export { AdministrationPage } from "./administration-page.tsx";
export { CommunitySurveysSection } from "./community-section.tsx";
export { SendSurveyPage } from "./send-page.tsx";
export { SentSurveysSection } from "./sent-section.tsx";
export { SurveysToAnswer, usePendingSurveyCount } from "./surveys-to-answer.tsx";
