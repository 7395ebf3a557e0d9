import { queryOptions } from "@tanstack/react-query";
import type { Survey, SurveyList } from "../../../shared/schemas/learning-needs.ts";
import { api, request } from "../../api/client.ts";

export type { Survey, SurveyList, SurveySummary } from "../../../shared/schemas/learning-needs.ts";

const enc = encodeURIComponent;

export const surveyKeys = {
  list: (communityId: string) => ["learning-need-surveys", "list", communityId] as const,
  one: (id: string) => ["learning-need-surveys", "one", id] as const,
};

export const surveyListQuery = (communityId: string) =>
  queryOptions({
    queryKey: surveyKeys.list(communityId),
    queryFn: ({ signal }) =>
      api.get<SurveyList>(`/api/v1/communities/${enc(communityId)}/learning-need-surveys`, { signal }),
  });

export const surveyQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.one(id),
    queryFn: ({ signal }) => api.get<Survey>(`/api/v1/learning-need-surveys/${enc(id)}`, { signal }),
    retry: false,
  });

export const createSurvey = (communityId: string, input: unknown, idempotencyKey: string) =>
  api.post<Survey>(`/api/v1/communities/${enc(communityId)}/learning-need-surveys`, input, {
    idempotencyKey,
  });
export const answerSurvey = (id: string, input: unknown) =>
  request<Survey>(`/api/v1/learning-need-surveys/${enc(id)}/response`, { method: "PUT", body: input });
export const closeSurvey = (id: string) => api.post<Survey>(`/api/v1/learning-need-surveys/${enc(id)}/close`);
