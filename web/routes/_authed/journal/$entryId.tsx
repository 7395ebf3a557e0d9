import { createFileRoute } from "@tanstack/react-router";
import { EntryPage } from "../../../features/journals/entry-page.tsx";

export const Route = createFileRoute("/_authed/journal/$entryId")({
  component: function EntryRoute() {
    const { entryId } = Route.useParams();
    return <EntryPage key={entryId} entryId={entryId} />;
  },
});
