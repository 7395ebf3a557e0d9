import { createFileRoute } from "@tanstack/react-router";
import { SummaryPage } from "../../../../features/learning-plans/summary-page.tsx";

export const Route = createFileRoute("/_authed/learning-plan/$year/summary")({
  component: function SummaryRoute() {
    const { year } = Route.useParams();
    return <SummaryPage key={year} year={year} />;
  },
});
