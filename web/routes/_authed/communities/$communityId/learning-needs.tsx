import { createFileRoute } from "@tanstack/react-router";
import { LearningNeedsPage } from "../../../../features/learning-needs/list-page.tsx";

export const Route = createFileRoute("/_authed/communities/$communityId/learning-needs")({
  component: function LearningNeedsRoute() {
    const { communityId } = Route.useParams();
    return <LearningNeedsPage key={communityId} communityId={communityId} />;
  },
});
