import { queryOptions } from "@tanstack/react-query";
import type { MyResponse } from "../../../shared/schemas/survey-administrations.ts";
import type { SurveyAnswers } from "../../../shared/surveys/definition.ts";
import { api, request } from "../../api/client.ts";

export type { MyResponse } from "../../../shared/schemas/survey-administrations.ts";

const enc = encodeURIComponent;
const mine = (id: string) => `/api/v1/survey-administrations/${enc(id)}/my-response`;

export const myResponseKey = (id: string) => ["survey-responses", id] as const;

export const myResponseQuery = (id: string) =>
  queryOptions({
    queryKey: myResponseKey(id),
    queryFn: ({ signal }) => api.get<MyResponse>(mine(id), { signal }),
    retry: false,
    // The form owns the answers once loaded; refetching under it would reset what is being typed.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const saveDraft = (id: string, answers: SurveyAnswers, version: number) =>
  request<MyResponse>(`${mine(id)}/draft`, { method: "PUT", body: { answers, version } });
export const submitResponse = (id: string, answers: SurveyAnswers) =>
  api.post<MyResponse>(mine(id), { answers });
export const changeResponse = (id: string, answers: SurveyAnswers) =>
  request<MyResponse>(mine(id), { method: "PUT", body: { answers } });
