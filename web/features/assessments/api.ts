import { queryOptions } from "@tanstack/react-query";
import type { ResultMapping } from "../../../shared/results/mapping.ts";
import type { Assessment, AssessmentList, ImportReport } from "../../../shared/schemas/assessments.ts";
import { ApiError, api, toApiError } from "../../api/client.ts";

const enc = encodeURIComponent;

export type ImportPreview = {
  delimiter: "," | ";" | "\t";
  header: string[];
  rows: string[][];
  headerSignature: string;
  mapping: ResultMapping;
  remembered: boolean;
};
export type ResultImport = {
  id: string;
  shape: "long" | "wide";
  status: string;
  fileName: string;
  rowsRead: number;
  rowsImported: number;
  problems: { line: number; field: string; message: string }[];
  createdAt: string;
  createdByName: string | null;
};
export type ImportMode = "all_or_nothing" | "good_rows_only";

export const communityAssessmentsKey = (communityId: string) => ["community-assessments", communityId];
export const communityAssessmentsQuery = (communityId: string) =>
  queryOptions({
    queryKey: communityAssessmentsKey(communityId),
    queryFn: ({ signal }) =>
      api.get<AssessmentList>(`/api/v1/communities/${enc(communityId)}/assessments`, { signal }),
    retry: false,
  });

export const districtAssessmentsKey = ["district-assessments"];
export const districtAssessmentsQuery = queryOptions({
  queryKey: districtAssessmentsKey,
  queryFn: ({ signal }) =>
    api.get<AssessmentList>("/api/v1/assessments", { signal, query: { scope: "district" } }),
});

export const assessmentKey = (id: string) => ["assessments", id];
export const assessmentQuery = (id: string) =>
  queryOptions({
    queryKey: assessmentKey(id),
    queryFn: ({ signal }) => api.get<Assessment>(`/api/v1/assessments/${enc(id)}`, { signal }),
  });

export const importsKey = (id: string) => ["assessments", id, "imports"];
export const importsQuery = (id: string) =>
  queryOptions({
    queryKey: importsKey(id),
    queryFn: ({ signal }) =>
      api.get<{ items: ResultImport[] }>(`/api/v1/assessments/${enc(id)}/imports`, { signal }),
  });

export const createAssessment = (input: unknown, idempotencyKey: string) =>
  api.post<Assessment>("/api/v1/assessments", input, { idempotencyKey });
export const updateAssessment = (id: string, patch: unknown) =>
  api.patch<Assessment>(`/api/v1/assessments/${enc(id)}`, patch);
export const deleteImport = (id: string) => api.delete(`/api/v1/result-imports/${enc(id)}`);

/** Posts multipart (fields first, then the file); problem+json comes back as ApiError. */
async function sendMultipart<T>(path: string, form: FormData, idempotencyKey?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      body: form,
      headers: {
        Accept: "application/json, application/problem+json",
        ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
      },
    });
  } catch {
    throw new ApiError({ status: 0, title: "Network error" });
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw toApiError(response.status, response.statusText, parsed);
  return parsed as T;
}

export function previewImport(assessmentId: string, file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.append("file", file, file.name);
  return sendMultipart(`/api/v1/assessments/${enc(assessmentId)}/imports/preview`, form);
}

export function importResults(
  assessmentId: string,
  file: File,
  mapping: ResultMapping,
  mode: ImportMode,
  idempotencyKey: string,
): Promise<ImportReport> {
  const form = new FormData();
  form.append("options", JSON.stringify({ shape: mapping.shape, mapping, mode }));
  form.append("file", file, file.name);
  return sendMultipart(`/api/v1/assessments/${enc(assessmentId)}/imports`, form, idempotencyKey);
}
