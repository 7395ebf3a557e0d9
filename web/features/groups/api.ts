import { queryOptions } from "@tanstack/react-query";
import type { AssessmentList } from "../../../shared/schemas/assessments.ts";
import type { GroupSuggestions, StudentGroup, StudentGroupSummary } from "../../../shared/schemas/groups.ts";
import { api, request } from "../../api/client.ts";

export type {
  GroupStudent,
  GroupSuggestions,
  StudentGroup,
  StudentGroupSummary,
} from "../../../shared/schemas/groups.ts";

const enc = encodeURIComponent;

export const groupKeys = {
  suggestions: (assessmentId: string, standard: string) =>
    ["group-suggestions", assessmentId, standard] as const,
  list: (assessmentId: string) => ["student-groups", "list", assessmentId] as const,
  one: (id: string) => ["student-groups", "one", id] as const,
};

export const suggestionsQuery = (assessmentId: string, standard: string) =>
  queryOptions({
    queryKey: groupKeys.suggestions(assessmentId, standard),
    queryFn: ({ signal }) =>
      api.get<GroupSuggestions>(
        `/api/v1/assessments/${enc(assessmentId)}/group-suggestions?standard=${enc(standard)}`,
        { signal },
      ),
    retry: false,
  });

export const groupListQuery = (assessmentId: string) =>
  queryOptions({
    queryKey: groupKeys.list(assessmentId),
    queryFn: ({ signal }) =>
      api.get<{ items: StudentGroupSummary[] }>(`/api/v1/assessments/${enc(assessmentId)}/student-groups`, {
        signal,
      }),
    retry: false,
  });

export const groupQuery = (id: string) =>
  queryOptions({
    queryKey: groupKeys.one(id),
    queryFn: ({ signal }) => api.get<StudentGroup>(`/api/v1/student-groups/${enc(id)}`, { signal }),
    retry: false,
  });

/** A team's assessments (for choosing the one before, in growth and goals). */
export const teamAssessmentsQuery = (communityId: string) =>
  queryOptions({
    queryKey: ["community-assessments", communityId],
    queryFn: ({ signal }) =>
      api.get<AssessmentList>(`/api/v1/communities/${enc(communityId)}/assessments`, { signal }),
    retry: false,
  });

export const createGroup = (input: unknown, idempotencyKey: string) =>
  api.post<StudentGroup>("/api/v1/student-groups", input, { idempotencyKey });
export const updateGroup = (id: string, patch: unknown) =>
  api.patch<StudentGroup>(`/api/v1/student-groups/${enc(id)}`, patch);
export const deleteGroup = (id: string) =>
  request<void>(`/api/v1/student-groups/${enc(id)}`, { method: "DELETE" });
export const groupExportUrl = (id: string) => `/api/v1/student-groups/${enc(id)}/export`;
