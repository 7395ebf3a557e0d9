import { createFileRoute } from "@tanstack/react-router";
import { MinutesPage } from "../../../../features/minutes/minutes-page.tsx";

export const Route = createFileRoute("/_authed/meetings/$meetingId/minutes")({
  component: function MinutesRoute() {
    const { meetingId } = Route.useParams();
    return <MinutesPage key={meetingId} meetingId={meetingId} />;
  },
});
