import { queryOptions, useQuery } from "@tanstack/react-query";
import type { School, SchoolInput } from "../../../shared/schemas/schools.ts";
import { api } from "../../api/client.ts";

export const schoolsKey = ["schools"] as const;

export const schoolsQuery = queryOptions({
  queryKey: schoolsKey,
  queryFn: ({ signal }) => api.get<{ items: School[] }>("/api/v1/schools", { signal }),
  staleTime: 60_000,
});

export const createSchool = (input: SchoolInput, idempotencyKey: string) =>
  api.post<School>("/api/v1/schools", input, { idempotencyKey });

export const renameSchool = (id: string, input: SchoolInput) =>
  api.patch<School>(`/api/v1/schools/${encodeURIComponent(id)}`, input);

/** Open schools as checkbox options, plus any already chosen (so a choice is never hidden). */
export function useSchoolOptions(chosen: readonly string[] = []) {
  const query = useQuery(schoolsQuery);
  const options = (query.data?.items ?? [])
    .filter((s) => !s.archived || chosen.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  const nameOf = (id: string) => query.data?.items.find((s) => s.id === id)?.name;
  return { query, options, nameOf };
}
