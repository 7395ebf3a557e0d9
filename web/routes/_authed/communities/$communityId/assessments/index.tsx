import { createFileRoute } from "@tanstack/react-router";
import { AssessmentListPage } from "../../../../../features/assessments/index.ts";

export const Route = createFileRoute("/_authed/communities/$communityId/assessments/")({
  component: function AssessmentListRoute() {
    const { communityId } = Route.useParams();
    return <AssessmentListPage key={communityId} communityId={communityId} />;
  },
});
