import { createFileRoute } from "@tanstack/react-router";
import { MeetingPage } from "../../../../features/meetings/meeting-page.tsx";

export const Route = createFileRoute("/_authed/meetings/$meetingId/")({
  component: function MeetingRoute() {
    const { meetingId } = Route.useParams();
    return <MeetingPage key={meetingId} meetingId={meetingId} />;
  },
});
