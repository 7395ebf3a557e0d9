import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { GroupsPage } from "../../../../features/groups/groups-page.tsx";

export const Route = createFileRoute("/_authed/assessments/$assessmentId/groups")({
  validateSearch: z.object({ standard: z.string().max(80).optional().catch(undefined) }),
  component: function GroupsRoute() {
    const { assessmentId } = Route.useParams();
    const { standard } = Route.useSearch();
    return <GroupsPage key={assessmentId} assessmentId={assessmentId} standard={standard ?? ""} />;
  },
});
