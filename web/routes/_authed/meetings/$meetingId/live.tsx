import { createFileRoute } from "@tanstack/react-router";
import { LivePage } from "../../../../features/live/live-page.tsx";

export const Route = createFileRoute("/_authed/meetings/$meetingId/live")({
  component: function LiveRoute() {
    const { meetingId } = Route.useParams();
    return <LivePage key={meetingId} meetingId={meetingId} />;
  },
});
