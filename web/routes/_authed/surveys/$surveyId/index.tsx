import { createFileRoute } from "@tanstack/react-router";
import { SurveyPage } from "../../../../features/surveys/index.ts";

export const Route = createFileRoute("/_authed/surveys/$surveyId/")({
  component: function SurveyRoute() {
    const { surveyId } = Route.useParams();
    return <SurveyPage key={surveyId} surveyId={surveyId} />;
  },
});
