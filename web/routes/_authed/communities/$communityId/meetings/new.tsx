import { createFileRoute } from "@tanstack/react-router";
import { SchedulePage } from "../../../../../features/meetings/schedule-page.tsx";

export const Route = createFileRoute("/_authed/communities/$communityId/meetings/new")({
  component: function ScheduleMeetingRoute() {
    const { communityId } = Route.useParams();
    return <SchedulePage key={communityId} communityId={communityId} />;
  },
});
