import { queryOptions } from "@tanstack/react-query";
import type { RosterImport } from "../../../../shared/schemas/rosters.ts";
import type { RosterImportKind } from "../../../../shared/schemas/student-enums.ts";
import { ApiError, api, toApiError } from "../../../api/client.ts";

export const rosterImportsKey = ["roster-imports"];
export const rosterImportsQuery = queryOptions({
  queryKey: rosterImportsKey,
  queryFn: ({ signal }) =>
    api.get<{ imports: Omit<RosterImport, "problems">[] }>("/api/v1/roster-imports", { signal }),
});
export const rosterImportQuery = (id: string) =>
  queryOptions({
    queryKey: [...rosterImportsKey, id],
    queryFn: ({ signal }) => api.get<RosterImport>(`/api/v1/roster-imports/${id}`, { signal }),
  });

/** Sends the zip as multipart (kind first, then the file); errors come back as ApiError with their field. */
export async function uploadRoster(
  file: File,
  kind: RosterImportKind,
  idempotencyKey: string,
): Promise<RosterImport> {
  const body = new FormData();
  body.append("kind", kind);
  body.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch("/api/v1/roster-imports", {
      method: "POST",
      body,
      headers: { Accept: "application/json, application/problem+json", "Idempotency-Key": idempotencyKey },
    });
  } catch {
    throw new ApiError({ status: 0, title: "Network error" });
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw toApiError(response.status, response.statusText, parsed);
  return parsed as RosterImport;
}
