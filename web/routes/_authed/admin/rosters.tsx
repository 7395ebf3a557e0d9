import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { RostersPage } from "../../../features/admin/rosters/rosters-page.tsx";

export const Route = createFileRoute("/_authed/admin/rosters")({
  validateSearch: z.object({ import: z.string().max(100).optional() }),
  component: function RostersRoute() {
    const search = Route.useSearch();
    return <RostersPage importId={search.import} />;
  },
});
