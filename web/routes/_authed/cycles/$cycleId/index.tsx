import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { CyclePage } from "../../../../features/cycles/index.ts";

const search = z.object({ stage: z.coerce.number().int().min(1).max(7).optional().catch(undefined) });

export const Route = createFileRoute("/_authed/cycles/$cycleId/")({
  validateSearch: search,
  component: function CycleRoute() {
    const { cycleId } = Route.useParams();
    const { stage } = Route.useSearch();
    return <CyclePage key={cycleId} cycleId={cycleId} stage={stage} />;
  },
});
