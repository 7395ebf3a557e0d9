import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { CommunitiesPage } from "../../../features/communities/communities-page.tsx";

export const Route = createFileRoute("/_authed/communities/")({
  validateSearch: z.object({
    scope: z.enum(["discover", "mine"]).optional(),
    q: z.string().max(100).optional(),
  }),
  component: function CommunitiesRoute() {
    const { scope, q } = Route.useSearch();
    return <CommunitiesPage scope={scope ?? "discover"} q={q ?? ""} />;
  },
});
