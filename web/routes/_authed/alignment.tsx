import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { AlignmentMapPage } from "../../features/alignment/map-page.tsx";

// A hand-edited URL with a bad school id shows the whole district rather than an error page.
export const Route = createFileRoute("/_authed/alignment")({
  validateSearch: z.object({ schoolId: z.uuid().optional().catch(undefined) }),
  component: function AlignmentRoute() {
    return <AlignmentMapPage schoolId={Route.useSearch().schoolId} />;
  },
});
