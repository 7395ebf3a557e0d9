import { createFileRoute } from "@tanstack/react-router";
import { AnswerPage } from "../../../features/survey-responses/index.ts";

export const Route = createFileRoute("/_authed/survey-responses/$administrationId")({
  component: function AnswerRoute() {
    const { administrationId } = Route.useParams();
    return <AnswerPage key={administrationId} administrationId={administrationId} />;
  },
});
