import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { journalPromptKeys } from "../../../../shared/reflection/prompts.ts";
import { NewEntryPage } from "../../../features/journals/new-entry-page.tsx";

const searchSchema = z.object({
  prompt: z.enum(journalPromptKeys).optional().catch(undefined),
  meeting: z.uuid().optional().catch(undefined),
});

export const Route = createFileRoute("/_authed/journal/new")({
  validateSearch: searchSchema,
  component: function NewEntryRoute() {
    const { prompt, meeting } = Route.useSearch();
    return <NewEntryPage key={`${prompt}-${meeting}`} prompt={prompt} meetingId={meeting} />;
  },
});
