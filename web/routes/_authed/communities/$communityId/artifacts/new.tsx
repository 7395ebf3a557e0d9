import { createFileRoute } from "@tanstack/react-router";
import { ShareArtifactPage } from "../../../../../features/artifacts/share-form.tsx";

export const Route = createFileRoute("/_authed/communities/$communityId/artifacts/new")({
  component: function ShareArtifactRoute() {
    const { communityId } = Route.useParams();
    return <ShareArtifactPage key={communityId} communityId={communityId} />;
  },
});
