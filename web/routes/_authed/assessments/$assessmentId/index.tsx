import { createFileRoute } from "@tanstack/react-router";
import { AssessmentPage } from "../../../../features/assessments/index.ts";

export const Route = createFileRoute("/_authed/assessments/$assessmentId/")({
  component: function AssessmentRoute() {
    const { assessmentId } = Route.useParams();
    return <AssessmentPage key={assessmentId} assessmentId={assessmentId} />;
  },
});
