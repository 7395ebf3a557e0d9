import { createFileRoute } from "@tanstack/react-router";
import { ThreadPage } from "../../../features/discussions/index.ts";

export const Route = createFileRoute("/_authed/threads/$threadId")({
  component: function ThreadRoute() {
    const { threadId } = Route.useParams();
    return <ThreadPage key={threadId} threadId={threadId} />;
  },
});
