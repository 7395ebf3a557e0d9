import { createFileRoute } from "@tanstack/react-router";
import { NewSurveyPage } from "../../../features/surveys/index.ts";

export const Route = createFileRoute("/_authed/surveys/new")({
  component: NewSurveyPage,
});
