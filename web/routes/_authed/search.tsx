import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { gradeBands } from "../../../shared/schemas/common.ts";
import { MAX_SEARCH_QUERY, searchTypes } from "../../../shared/schemas/search.ts";
import { artifactKinds } from "../../../shared/schemas/work-enums.ts";
import { SearchPage } from "../../features/search/search-page.tsx";

// A hand-edited URL with a bad filter searches without it rather than showing an error page.
const word = z.string().trim().max(60).optional().catch(undefined);

export const Route = createFileRoute("/_authed/search")({
  validateSearch: z.object({
    q: z.string().max(MAX_SEARCH_QUERY).optional().catch(undefined),
    type: z.enum(searchTypes).optional().catch(undefined),
    subject: word,
    gradeBand: z.enum(gradeBands).optional().catch(undefined),
    standard: word,
    kind: z.enum(artifactKinds).optional().catch(undefined),
  }),
  component: function SearchRoute() {
    return <SearchPage filters={Route.useSearch()} />;
  },
});
