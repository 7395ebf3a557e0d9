import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { MAX_PROTOCOL_MINUTES, protocolPurposes } from "../../../../shared/protocols/definition.ts";
import { LibraryPage } from "../../../features/protocols/library-page.tsx";

// A hand-edited URL with a bad filter shows the whole library rather than an error page.
const whole = (max: number) => z.coerce.number().int().min(1).max(max).optional().catch(undefined);

export const Route = createFileRoute("/_authed/protocols/")({
  validateSearch: z.object({
    q: z.string().max(100).optional().catch(undefined),
    purpose: z.enum(protocolPurposes).optional().catch(undefined),
    maxMinutes: whole(MAX_PROTOCOL_MINUTES),
    groupSize: whole(500),
    archived: z.boolean().optional().catch(undefined),
  }),
  component: function ProtocolsRoute() {
    return <LibraryPage filters={Route.useSearch()} />;
  },
});
