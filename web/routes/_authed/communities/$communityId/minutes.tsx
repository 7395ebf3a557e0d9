import { createFileRoute } from "@tanstack/react-router";
import { ArchivePage } from "../../../../features/minutes/archive-page.tsx";

export const Route = createFileRoute("/_authed/communities/$communityId/minutes")({
  component: function CommunityMinutesRoute() {
    const { communityId } = Route.useParams();
    return <ArchivePage key={communityId} communityId={communityId} />;
  },
});
