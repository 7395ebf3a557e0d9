import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type {
  ArtifactExemplar,
  Exemplar,
  ExemplarCopy,
  NominationInput,
} from "../../../shared/schemas/exemplars.ts";
import type { ArtifactKind } from "../../../shared/schemas/work-enums.ts";
import { api } from "../../api/client.ts";

export type { ArtifactExemplar, Exemplar, ExemplarCopy } from "../../../shared/schemas/exemplars.ts";

const enc = encodeURIComponent;

/** The library's filters, as the URL and the API carry them. */
export type ExemplarFilters = {
  subject?: string | undefined;
  gradeBand?: string | undefined;
  standard?: string | undefined;
  topic?: string | undefined;
  kind?: ArtifactKind | undefined;
};

type Page = { items: Exemplar[]; nextCursor: string | null };

export const exemplarKeys = {
  all: ["exemplars"] as const,
  library: (filters: ExemplarFilters) => ["exemplars", "library", filters] as const,
  waiting: ["exemplars", "waiting"] as const,
  artifact: (artifactId: string) => ["exemplars", "artifact", artifactId] as const,
};

export const exemplarLibraryQuery = (filters: ExemplarFilters) =>
  infiniteQueryOptions({
    queryKey: exemplarKeys.library(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page>("/api/v1/exemplars", { query: { ...filters, cursor: pageParam, limit: 24 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Nominations the caller may review (empty for everyone else). */
export const waitingForReviewQuery = queryOptions({
  queryKey: exemplarKeys.waiting,
  queryFn: ({ signal }) =>
    api.get<Page>("/api/v1/exemplars", { query: { status: "nominated", limit: 50 }, signal }),
});

export const artifactExemplarQuery = (artifactId: string) =>
  queryOptions({
    queryKey: exemplarKeys.artifact(artifactId),
    queryFn: ({ signal }) =>
      api.get<ArtifactExemplar>(`/api/v1/artifacts/${enc(artifactId)}/exemplar`, { signal }),
  });

export const nominate = (artifactId: string, input: NominationInput, idempotencyKey: string) =>
  api.post<Exemplar>(`/api/v1/artifacts/${enc(artifactId)}/exemplar`, input, { idempotencyKey });

export const reviewExemplar = (id: string, action: "approve" | "decline", note: string) =>
  api.post<Exemplar>(`/api/v1/exemplars/${enc(id)}/${action}`, { note });

export const withdrawExemplar = (id: string) =>
  api.post<Exemplar>(`/api/v1/exemplars/${enc(id)}/withdraw`, {});

export const copyExemplar = (id: string, idempotencyKey: string) =>
  api.post<ExemplarCopy>(`/api/v1/exemplars/${enc(id)}/copy`, {}, { idempotencyKey });
