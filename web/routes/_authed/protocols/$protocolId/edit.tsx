import { createFileRoute } from "@tanstack/react-router";
import { EditProtocolPage } from "../../../../features/protocols/editor/editor-pages.tsx";

export const Route = createFileRoute("/_authed/protocols/$protocolId/edit")({
  component: function EditProtocolRoute() {
    const { protocolId } = Route.useParams();
    return <EditProtocolPage key={protocolId} protocolId={protocolId} />;
  },
});
