import { createFileRoute } from "@tanstack/react-router";
import { DistrictAssessmentsPage } from "../../../features/assessments/index.ts";

export const Route = createFileRoute("/_authed/assessments/")({
  component: DistrictAssessmentsPage,
});
