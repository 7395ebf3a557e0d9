import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { CommunityMeetingsPage } from "../../../../../features/meetings/community-meetings-page.tsx";

export const Route = createFileRoute("/_authed/communities/$communityId/meetings/")({
  validateSearch: z.object({ when: z.enum(["upcoming", "past"]).optional() }),
  component: function CommunityMeetingsRoute() {
    const { communityId } = Route.useParams();
    const { when } = Route.useSearch();
    return <CommunityMeetingsPage key={communityId} communityId={communityId} when={when ?? "upcoming"} />;
  },
});
