import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { goalLevels } from "../../../../shared/schemas/goal-enums.ts";
import { NewGoalPage } from "../../../features/goals/new-goal-page.tsx";

const searchSchema = z.object({
  level: z.enum(goalLevels).optional().catch(undefined),
  schoolId: z.uuid().optional().catch(undefined),
  communityId: z.uuid().optional().catch(undefined),
});

export const Route = createFileRoute("/_authed/goals/new")({
  validateSearch: searchSchema,
  component: function NewGoalRoute() {
    return <NewGoalPage search={Route.useSearch()} />;
  },
});
