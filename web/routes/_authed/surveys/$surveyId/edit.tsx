import { createFileRoute } from "@tanstack/react-router";
import { EditSurveyPage } from "../../../../features/surveys/index.ts";

export const Route = createFileRoute("/_authed/surveys/$surveyId/edit")({
  component: function EditSurveyRoute() {
    const { surveyId } = Route.useParams();
    return <EditSurveyPage key={surveyId} surveyId={surveyId} />;
  },
});
