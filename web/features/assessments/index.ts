export { AssessmentNav } from "./assessment-nav.tsx";
export { AssessmentPage } from "./assessment-page.tsx";
export { DistrictAssessmentsPage } from "./district-page.tsx";
export { ImportPage } from "./import-page.tsx";
export { AssessmentListPage } from "./list-page.tsx";
export { NewAssessmentPage } from "./new-page.tsx";
export { CommunityStudentDataSection } from "./student-data-section.tsx";
