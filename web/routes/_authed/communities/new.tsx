import { createFileRoute } from "@tanstack/react-router";
import { NewCommunityPage } from "../../../features/communities/community-edit-pages.tsx";

export const Route = createFileRoute("/_authed/communities/new")({
  component: NewCommunityPage,
});
