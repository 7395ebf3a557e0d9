import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import type { ProtocolDefinitionInput, ProtocolPurpose } from "../../../shared/protocols/definition.ts";
import type { Protocol, ProtocolList, ProtocolVersion } from "../../../shared/schemas/protocols.ts";
import { api, request } from "../../api/client.ts";

const base = "/api/v1/protocols";
const enc = encodeURIComponent;

/** The library's filters, as the URL and the API carry them. */
export type ProtocolFilters = {
  q?: string | undefined;
  purpose?: ProtocolPurpose | undefined;
  maxMinutes?: number | undefined;
  groupSize?: number | undefined;
  archived?: boolean | undefined;
};

export const protocolKeys = {
  all: ["protocols"] as const,
  list: (filters: ProtocolFilters) => ["protocols", "list", filters] as const,
  detail: (id: string) => ["protocols", "detail", id] as const,
  version: (id: string, versionId: string) => ["protocols", "version", id, versionId] as const,
};

/** One page of the library (the picker needs only the first). */
export const protocolListQuery = (filters: ProtocolFilters) =>
  queryOptions({
    queryKey: [...protocolKeys.list(filters), "first"],
    queryFn: ({ signal }) => api.get<ProtocolList>(base, { query: listQuery(filters, undefined), signal }),
  });

/** The library, page after page ("Load more"). */
export const protocolLibraryQuery = (filters: ProtocolFilters) =>
  infiniteQueryOptions({
    queryKey: [...protocolKeys.list(filters), "pages"],
    queryFn: ({ pageParam, signal }) =>
      api.get<ProtocolList>(base, { query: listQuery(filters, pageParam), signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const listQuery = (filters: ProtocolFilters, cursor: string | undefined) => ({
  ...filters,
  archived: filters.archived ? "true" : undefined,
  cursor,
  limit: 50,
});

export const protocolQuery = (id: string) =>
  queryOptions({
    queryKey: protocolKeys.detail(id),
    queryFn: ({ signal }) => api.get<Protocol>(`${base}/${enc(id)}`, { signal }),
  });

export const protocolVersionQuery = (id: string, versionId: string) =>
  queryOptions({
    queryKey: protocolKeys.version(id, versionId),
    queryFn: ({ signal }) =>
      api.get<ProtocolVersion>(`${base}/${enc(id)}/versions/${enc(versionId)}`, { signal }),
    // A version never changes once saved.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const createProtocol = (input: ProtocolDefinitionInput, idempotencyKey: string) =>
  api.post<Protocol>(base, input, { idempotencyKey });

export const updateProtocol = (id: string, input: ProtocolDefinitionInput & { baseVersion: number }) =>
  request<Protocol>(`${base}/${enc(id)}`, { method: "PUT", body: input });

export const copyProtocol = (id: string, idempotencyKey: string) =>
  api.post<Protocol>(`${base}/${enc(id)}/copy`, {}, { idempotencyKey });

export const archiveProtocol = (id: string) => api.post<Protocol>(`${base}/${enc(id)}/archive`);
export const restoreProtocol = (id: string) => api.post<Protocol>(`${base}/${enc(id)}/restore`);

/** After a change: keep the fresh protocol and let the library lists refetch. */
export function rememberProtocol(queryClient: QueryClient, protocol: Protocol) {
  queryClient.setQueryData(protocolKeys.detail(protocol.id), protocol);
  void queryClient.invalidateQueries({ queryKey: ["protocols", "list"] });
}
