import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { GrowthPage } from "../../../../features/growth/growth-page.tsx";

export const Route = createFileRoute("/_authed/assessments/$assessmentId/growth")({
  validateSearch: z.object({
    before: z.uuid().optional().catch(undefined),
    standard: z.string().max(80).optional().catch(undefined),
  }),
  component: function GrowthRoute() {
    const { assessmentId } = Route.useParams();
    return <GrowthPage key={assessmentId} assessmentId={assessmentId} search={Route.useSearch()} />;
  },
});
