import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { SendSurveyPage } from "../../../../features/survey-administrations/index.ts";

export const Route = createFileRoute("/_authed/surveys/$surveyId/send")({
  validateSearch: z.object({ community: z.string().optional() }),
  component: function SendSurveyRoute() {
    const { surveyId } = Route.useParams();
    const { community } = Route.useSearch();
    return <SendSurveyPage key={surveyId} surveyId={surveyId} communityId={community} />;
  },
});
