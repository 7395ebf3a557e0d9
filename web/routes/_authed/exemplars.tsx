import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { gradeBands } from "../../../shared/schemas/common.ts";
import { artifactKinds } from "../../../shared/schemas/work-enums.ts";
import { ExemplarLibraryPage } from "../../features/exemplars/library-page.tsx";

// A hand-edited URL with a bad filter shows the whole library rather than an error page.
const tag = z.string().trim().min(1).max(60).optional().catch(undefined);

export const Route = createFileRoute("/_authed/exemplars")({
  validateSearch: z.object({
    subject: tag,
    gradeBand: z.enum(gradeBands).optional().catch(undefined),
    standard: tag,
    topic: tag,
    kind: z.enum(artifactKinds).optional().catch(undefined),
  }),
  component: function ExemplarsRoute() {
    return <ExemplarLibraryPage filters={Route.useSearch()} />;
  },
});
