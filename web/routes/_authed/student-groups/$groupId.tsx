import { createFileRoute } from "@tanstack/react-router";
import { GroupPage } from "../../../features/groups/group-page.tsx";

export const Route = createFileRoute("/_authed/student-groups/$groupId")({
  component: function GroupRoute() {
    const { groupId } = Route.useParams();
    return <GroupPage key={groupId} groupId={groupId} />;
  },
});
