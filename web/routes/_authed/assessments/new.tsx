import { createFileRoute } from "@tanstack/react-router";
import { NewAssessmentPage } from "../../../features/assessments/index.ts";

export const Route = createFileRoute("/_authed/assessments/new")({
  component: function NewDistrictAssessmentRoute() {
    return <NewAssessmentPage />;
  },
});
