import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { goalLevels, goalStatuses } from "../../../../shared/schemas/goal-enums.ts";
import { GoalsPage } from "../../../features/goals/goals-page.tsx";

const searchSchema = z.object({
  level: z.enum(goalLevels).optional().catch(undefined),
  status: z.enum(goalStatuses).optional().catch(undefined),
});

export const Route = createFileRoute("/_authed/goals/")({
  validateSearch: searchSchema,
  component: function GoalsRoute() {
    return <GoalsPage search={Route.useSearch()} />;
  },
});
