import { queryOptions } from "@tanstack/react-query";
import type { Analysis, AnalysisQuery, StudentDataSettings } from "../../../shared/schemas/analysis.ts";
import { api, request } from "../../api/client.ts";

export type { Analysis, GroupMastery, ItemAnalysis } from "../../../shared/schemas/analysis.ts";

const enc = encodeURIComponent;

export const analysisKeys = {
  one: (id: string, query: AnalysisQuery) => ["analysis", id, query] as const,
  settings: ["student-data-settings"] as const,
};

export const analysisQuery = (id: string, query: AnalysisQuery) =>
  queryOptions({
    queryKey: analysisKeys.one(id, query),
    queryFn: ({ signal }) => api.get<Analysis>(`/api/v1/assessments/${enc(id)}/analysis`, { query, signal }),
  });

export const studentDataSettingsQuery = () =>
  queryOptions({
    queryKey: analysisKeys.settings,
    queryFn: ({ signal }) => api.get<StudentDataSettings>("/api/v1/student-data-settings", { signal }),
  });

export const saveStudentDataSettings = (body: StudentDataSettings) =>
  request<StudentDataSettings>("/api/v1/student-data-settings", { method: "PUT", body });
