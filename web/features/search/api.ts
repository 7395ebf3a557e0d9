import { infiniteQueryOptions } from "@tanstack/react-query";
import type { SearchResponse, SearchType } from "../../../shared/schemas/search.ts";
import type { ArtifactKind } from "../../../shared/schemas/work-enums.ts";
import { api } from "../../api/client.ts";

export type { SearchResponse, SearchResult, Segment } from "../../../shared/schemas/search.ts";

/** What the /search URL carries. */
export type SearchFilters = {
  q?: string | undefined;
  type?: SearchType | undefined;
  subject?: string | undefined;
  gradeBand?: string | undefined;
  standard?: string | undefined;
  kind?: ArtifactKind | undefined;
};

/** Results page after page ("More results"); only asked for once there are words to search for. */
export const searchQuery = (filters: SearchFilters) =>
  infiniteQueryOptions({
    queryKey: ["search", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<SearchResponse>("/api/v1/search", { query: { ...filters, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(filters.q?.trim()),
  });
