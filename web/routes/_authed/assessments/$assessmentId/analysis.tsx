import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { AnalysisPage } from "../../../../features/analysis/analysis-page.tsx";

// A hand-edited URL with a bad id shows everything rather than an error page.
export const Route = createFileRoute("/_authed/assessments/$assessmentId/analysis")({
  validateSearch: z.object({
    schoolId: z.uuid().optional().catch(undefined),
    classId: z.uuid().optional().catch(undefined),
  }),
  component: function AnalysisRoute() {
    const { assessmentId } = Route.useParams();
    return <AnalysisPage assessmentId={assessmentId} search={Route.useSearch()} />;
  },
});
