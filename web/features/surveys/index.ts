export { EditSurveyPage, NewSurveyPage } from "./builder/builder-pages.tsx";
export { SurveyLibraryPage } from "./library-page.tsx";
export { SurveyPage } from "./survey-page.tsx";
