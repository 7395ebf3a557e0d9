import { createFileRoute } from "@tanstack/react-router";
import { CommunityPage } from "../../../../features/communities/community-page.tsx";

export const Route = createFileRoute("/_authed/communities/$communityId/")({
  component: function CommunityRoute() {
    const { communityId } = Route.useParams();
    return <CommunityPage key={communityId} communityId={communityId} />;
  },
});
