import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { ProtocolPage } from "../../../../features/protocols/protocol-page.tsx";

export const Route = createFileRoute("/_authed/protocols/$protocolId/")({
  validateSearch: z.object({ version: z.string().uuid().optional().catch(undefined) }),
  component: function ProtocolRoute() {
    const { protocolId } = Route.useParams();
    const { version } = Route.useSearch();
    return <ProtocolPage key={protocolId} protocolId={protocolId} versionId={version} />;
  },
});
