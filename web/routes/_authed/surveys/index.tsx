import { createFileRoute } from "@tanstack/react-router";
import { SurveyLibraryPage } from "../../../features/surveys/index.ts";

export const Route = createFileRoute("/_authed/surveys/")({
  component: SurveyLibraryPage,
});
