import { createFileRoute } from "@tanstack/react-router";
import { StudentDataSettingsPage } from "../../../features/admin/student-data/student-data-page.tsx";

export const Route = createFileRoute("/_authed/admin/student-data")({
  component: StudentDataSettingsPage,
});
