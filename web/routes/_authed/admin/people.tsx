import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { PeoplePage } from "../../../features/people/people-page.tsx";

export const Route = createFileRoute("/_authed/admin/people")({
  validateSearch: z.object({
    q: z.string().max(100).optional(),
    status: z.enum(["active", "deactivated"]).optional(),
  }),
  component: function PeopleRoute() {
    const { q, status } = Route.useSearch();
    return <PeoplePage q={q ?? ""} status={status} />;
  },
});
