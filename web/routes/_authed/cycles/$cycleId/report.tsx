import { createFileRoute } from "@tanstack/react-router";
import { CycleReportPage } from "../../../../features/cycles/index.ts";

export const Route = createFileRoute("/_authed/cycles/$cycleId/report")({
  component: function CycleReportRoute() {
    const { cycleId } = Route.useParams();
    return <CycleReportPage key={cycleId} cycleId={cycleId} />;
  },
});
