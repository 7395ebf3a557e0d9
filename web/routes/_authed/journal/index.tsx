import { createFileRoute } from "@tanstack/react-router";
import { JournalPage } from "../../../features/journals/journal-page.tsx";

export const Route = createFileRoute("/_authed/journal/")({
  component: JournalPage,
});
