import { createFileRoute } from "@tanstack/react-router";
import { AdministrationPage } from "../../../../features/survey-administrations/index.ts";

export const Route = createFileRoute("/_authed/survey-administrations/$administrationId/")({
  component: function AdministrationRoute() {
    const { administrationId } = Route.useParams();
    return <AdministrationPage key={administrationId} administrationId={administrationId} />;
  },
});
