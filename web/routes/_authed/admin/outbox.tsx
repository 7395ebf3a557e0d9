import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { OutboxPage } from "../../../features/admin/outbox/outbox-page.tsx";

export const Route = createFileRoute("/_authed/admin/outbox")({
  validateSearch: z.object({ message: z.string().max(100).optional() }),
  component: function OutboxRoute() {
    const { message } = Route.useSearch();
    return <OutboxPage messageId={message} />;
  },
});
