import { createFileRoute } from "@tanstack/react-router";
import { ImportPage } from "../../../../features/assessments/index.ts";

export const Route = createFileRoute("/_authed/assessments/$assessmentId/import")({
  component: function ImportRoute() {
    const { assessmentId } = Route.useParams();
    return <ImportPage key={assessmentId} assessmentId={assessmentId} />;
  },
});
