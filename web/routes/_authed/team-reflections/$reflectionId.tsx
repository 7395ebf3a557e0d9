import { createFileRoute } from "@tanstack/react-router";
import { ReflectionEditorPage } from "../../../features/team-reflections/editor-page.tsx";

export const Route = createFileRoute("/_authed/team-reflections/$reflectionId")({
  component: function ReflectionRoute() {
    const { reflectionId } = Route.useParams();
    return <ReflectionEditorPage key={reflectionId} reflectionId={reflectionId} />;
  },
});
