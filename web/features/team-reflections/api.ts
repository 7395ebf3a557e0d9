import { queryOptions } from "@tanstack/react-query";
import type { TeamReflection, TeamReflectionList } from "../../../shared/schemas/team-reflections.ts";
import { api, request } from "../../api/client.ts";

export type {
  RatingsTrendPoint,
  TeamReflection,
  TeamReflectionList,
  TeamReflectionSummary,
} from "../../../shared/schemas/team-reflections.ts";

const enc = encodeURIComponent;

export const reflectionKeys = {
  list: (communityId: string) => ["team-reflections", "list", communityId] as const,
  one: (id: string) => ["team-reflections", "one", id] as const,
};

export const reflectionListQuery = (communityId: string) =>
  queryOptions({
    queryKey: reflectionKeys.list(communityId),
    queryFn: ({ signal }) =>
      api.get<TeamReflectionList>(`/api/v1/communities/${enc(communityId)}/team-reflections`, { signal }),
    retry: false,
  });

export const reflectionQuery = (id: string) =>
  queryOptions({
    queryKey: reflectionKeys.one(id),
    queryFn: ({ signal }) => api.get<TeamReflection>(`/api/v1/team-reflections/${enc(id)}`, { signal }),
    retry: false,
  });

export type CreateInput =
  | { kind: "standard" }
  | { kind: "meeting"; meetingId: string }
  | { kind: "cycle"; cycleId: string };

export const createReflection = (communityId: string, input: CreateInput, idempotencyKey: string) =>
  api.post<TeamReflection>(`/api/v1/communities/${enc(communityId)}/team-reflections`, input, {
    idempotencyKey,
  });
export const saveReflection = (id: string, content: unknown, version: number) =>
  request<TeamReflection>(`/api/v1/team-reflections/${enc(id)}`, {
    method: "PUT",
    body: { content, version },
  });
export const deleteReflection = (id: string) =>
  request<void>(`/api/v1/team-reflections/${enc(id)}`, { method: "DELETE" });
