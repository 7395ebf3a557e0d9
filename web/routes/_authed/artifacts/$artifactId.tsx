import { createFileRoute } from "@tanstack/react-router";
import { ArtifactPage } from "../../../features/artifacts/artifact-page.tsx";

export const Route = createFileRoute("/_authed/artifacts/$artifactId")({
  component: function ArtifactRoute() {
    const { artifactId } = Route.useParams();
    return <ArtifactPage key={artifactId} artifactId={artifactId} />;
  },
});
