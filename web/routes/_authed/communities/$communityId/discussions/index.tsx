import { createFileRoute } from "@tanstack/react-router";
import { ThreadsPage } from "../../../../../features/discussions/index.ts";

export const Route = createFileRoute("/_authed/communities/$communityId/discussions/")({
  component: function CommunityDiscussionsRoute() {
    const { communityId } = Route.useParams();
    return <ThreadsPage key={communityId} communityId={communityId} />;
  },
});
