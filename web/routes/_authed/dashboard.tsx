import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { cycleStatuses, goalLevels, goalStatuses } from "../../../shared/schemas/goal-enums.ts";
import { DashboardPage } from "../../features/alignment/dashboard-page.tsx";

// A hand-edited URL with a bad filter drops that filter rather than showing an error page.
export const Route = createFileRoute("/_authed/dashboard")({
  validateSearch: z.object({
    schoolId: z.uuid().optional().catch(undefined),
    communityId: z.uuid().optional().catch(undefined),
    level: z.enum(goalLevels).optional().catch(undefined),
    status: z.enum(goalStatuses).optional().catch(undefined),
    stage: z.coerce.number().int().min(1).max(7).optional().catch(undefined),
    cycleStatus: z.enum(cycleStatuses).optional().catch(undefined),
    q: z.string().trim().min(1).max(200).optional().catch(undefined),
  }),
  component: function DashboardRoute() {
    return <DashboardPage filters={Route.useSearch()} />;
  },
});
