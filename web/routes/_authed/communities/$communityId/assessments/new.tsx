import { createFileRoute } from "@tanstack/react-router";
import { NewAssessmentPage } from "../../../../../features/assessments/index.ts";

export const Route = createFileRoute("/_authed/communities/$communityId/assessments/new")({
  component: function NewAssessmentRoute() {
    const { communityId } = Route.useParams();
    return <NewAssessmentPage key={communityId} communityId={communityId} />;
  },
});
