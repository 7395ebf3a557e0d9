import { createFileRoute } from "@tanstack/react-router";
import { ProjectorPage } from "../../../../features/live/projector-page.tsx";

export const Route = createFileRoute("/_authed/meetings/$meetingId/projector")({
  component: function ProjectorRoute() {
    const { meetingId } = Route.useParams();
    return <ProjectorPage key={meetingId} meetingId={meetingId} />;
  },
});
