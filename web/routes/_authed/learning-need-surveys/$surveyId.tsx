import { createFileRoute } from "@tanstack/react-router";
import { SurveyPage } from "../../../features/learning-needs/survey-page.tsx";

export const Route = createFileRoute("/_authed/learning-need-surveys/$surveyId")({
  component: function SurveyRoute() {
    const { surveyId } = Route.useParams();
    return <SurveyPage key={surveyId} surveyId={surveyId} />;
  },
});
