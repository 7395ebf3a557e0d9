import { createFileRoute } from "@tanstack/react-router";
import { ResultsPage } from "../../../../features/survey-results/results-page.tsx";

export const Route = createFileRoute("/_authed/survey-administrations/$administrationId/results")({
  component: function ResultsRoute() {
    const { administrationId } = Route.useParams();
    return <ResultsPage key={administrationId} administrationId={administrationId} />;
  },
});
