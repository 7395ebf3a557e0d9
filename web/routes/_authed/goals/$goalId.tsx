import { createFileRoute } from "@tanstack/react-router";
import { GoalPage } from "../../../features/goals/goal-page.tsx";

export const Route = createFileRoute("/_authed/goals/$goalId")({
  component: function GoalRoute() {
    const { goalId } = Route.useParams();
    return <GoalPage key={goalId} goalId={goalId} />;
  },
});
