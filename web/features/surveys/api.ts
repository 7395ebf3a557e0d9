import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { Survey, SurveyEdit, SurveyInput, SurveyList } from "../../../shared/schemas/surveys.ts";
import { api, request } from "../../api/client.ts";

const base = "/api/v1/surveys";
const enc = encodeURIComponent;

export const surveyKeys = {
  list: ["surveys", "list"] as const,
  detail: (id: string) => ["surveys", "detail", id] as const,
};

export const surveyListQuery = () =>
  queryOptions({
    queryKey: surveyKeys.list,
    queryFn: ({ signal }) => api.get<SurveyList>(base, { signal }),
  });

export const surveyQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.detail(id),
    queryFn: ({ signal }) => api.get<Survey>(`${base}/${enc(id)}`, { signal }),
  });

export const createSurvey = (input: SurveyInput, idempotencyKey: string) =>
  api.post<Survey>(base, input, { idempotencyKey });

export const editSurvey = (id: string, input: SurveyEdit) =>
  request<Survey>(`${base}/${enc(id)}`, { method: "PUT", body: input });

export const copySurvey = (id: string, input: { communityId: string | null; title: string }, key: string) =>
  api.post<Survey>(`${base}/${enc(id)}/copy`, input, { idempotencyKey: key });

export const archiveSurvey = (id: string, version: number) =>
  api.post<Survey>(`${base}/${enc(id)}/archive`, { version });

/** After a change: keep the fresh survey and let the library refetch. */
export function rememberSurvey(queryClient: QueryClient, survey: Survey) {
  queryClient.setQueryData(surveyKeys.detail(survey.id), survey);
  void queryClient.invalidateQueries({ queryKey: surveyKeys.list });
}
