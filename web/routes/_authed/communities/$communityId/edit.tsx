import { createFileRoute } from "@tanstack/react-router";
import { EditCommunityPage } from "../../../../features/communities/community-edit-pages.tsx";

export const Route = createFileRoute("/_authed/communities/$communityId/edit")({
  component: function EditCommunityRoute() {
    const { communityId } = Route.useParams();
    return <EditCommunityPage key={communityId} communityId={communityId} />;
  },
});
