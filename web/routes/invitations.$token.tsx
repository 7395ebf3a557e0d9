import { createFileRoute } from "@tanstack/react-router";
import { AcceptInvitationPage } from "../features/invitations/accept-invitation-page.tsx";

export const Route = createFileRoute("/invitations/$token")({
  component: function AcceptInvitationRoute() {
    const { token } = Route.useParams();
    return <AcceptInvitationPage token={token} />;
  },
});
