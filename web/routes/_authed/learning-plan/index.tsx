import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { schoolYearSchema } from "../../../../shared/schemas/learning-plans.ts";
import { PlanPage } from "../../../features/learning-plans/plan-page.tsx";

const searchSchema = z.object({ year: schoolYearSchema.optional().catch(undefined) });

export const Route = createFileRoute("/_authed/learning-plan/")({
  validateSearch: searchSchema,
  component: function PlanRoute() {
    const { year } = Route.useSearch();
    return <PlanPage key={year ?? "current"} year={year ?? "current"} />;
  },
});
