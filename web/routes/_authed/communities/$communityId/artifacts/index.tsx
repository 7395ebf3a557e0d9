import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { artifactKinds } from "../../../../../../shared/schemas/work-enums.ts";
import { CommunityArtifactsPage } from "../../../../../features/artifacts/community-artifacts-page.tsx";

export const Route = createFileRoute("/_authed/communities/$communityId/artifacts/")({
  validateSearch: z.object({
    kind: z.enum(artifactKinds).optional().catch(undefined),
    archived: z.boolean().optional().catch(undefined),
  }),
  component: function CommunityArtifactsRoute() {
    const { communityId } = Route.useParams();
    const { kind, archived } = Route.useSearch();
    return (
      <CommunityArtifactsPage
        key={communityId}
        communityId={communityId}
        kind={kind ?? ""}
        archived={archived ?? false}
      />
    );
  },
});
