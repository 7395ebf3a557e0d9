import { createFileRoute } from "@tanstack/react-router";
import { ReflectionsPage } from "../../../../../features/team-reflections/list-page.tsx";

export const Route = createFileRoute("/_authed/communities/$communityId/reflections/")({
  component: function ReflectionsRoute() {
    const { communityId } = Route.useParams();
    return <ReflectionsPage key={communityId} communityId={communityId} />;
  },
});
