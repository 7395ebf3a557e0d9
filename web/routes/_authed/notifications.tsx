import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { NotificationsPage } from "../../features/notifications/notifications-page.tsx";

export const Route = createFileRoute("/_authed/notifications")({
  validateSearch: z.object({ filter: z.enum(["unread"]).optional().catch(undefined) }),
  component: function NotificationsRoute() {
    return <NotificationsPage filter={Route.useSearch().filter ?? "all"} />;
  },
});
