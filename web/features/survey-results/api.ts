import { queryOptions } from "@tanstack/react-query";
import type { FollowUp, ResultsQuery, SurveyResults, Trend } from "../../../shared/schemas/survey-results.ts";
import { api } from "../../api/client.ts";

export type {
  FilterOption,
  FollowUp,
  QuestionResult,
  RatedItem,
  SectionResult,
  SurveyResults,
  Trend,
} from "../../../shared/schemas/survey-results.ts";

const enc = encodeURIComponent;

const search = (q: ResultsQuery) => {
  const params = new URLSearchParams();
  if (q.school) params.set("school", q.school);
  if (q.role) params.set("role", q.role);
  const s = params.toString();
  return s ? `?${s}` : "";
};

export const resultsKeys = {
  all: (id: string) => ["survey-results", id] as const,
  one: (id: string, q: ResultsQuery) => ["survey-results", id, q.school ?? "", q.role ?? ""] as const,
  trend: (surveyId: string, audience: string) => ["survey-trend", surveyId, audience] as const,
};

export const resultsQuery = (id: string, q: ResultsQuery) =>
  queryOptions({
    queryKey: resultsKeys.one(id, q),
    queryFn: ({ signal }) =>
      api.get<SurveyResults>(`/api/v1/survey-administrations/${enc(id)}/results${search(q)}`, { signal }),
    retry: false,
  });

export const resultsCsvUrl = (id: string, q: ResultsQuery) =>
  `/api/v1/survey-administrations/${enc(id)}/results.csv${search(q)}`;

/** The audience of an administration as the trend's query string. */
export function audienceQuery(a: SurveyResults["administration"]): string {
  if (a.communityId) return `community=${enc(a.communityId)}`;
  if (a.schoolId) return `school=${enc(a.schoolId)}`;
  return "district=true";
}

export const trendQuery = (results: SurveyResults) =>
  queryOptions({
    queryKey: resultsKeys.trend(results.administration.surveyId, audienceQuery(results.administration)),
    queryFn: ({ signal }) =>
      api.get<Trend>(
        `/api/v1/surveys/${enc(results.administration.surveyId)}/trend?${audienceQuery(results.administration)}`,
        { signal },
      ),
    retry: false,
  });

export const createFollowUp = (id: string, input: { sectionKey: string; kind: "goal" | "cycle" }) =>
  api.post<FollowUp>(`/api/v1/survey-administrations/${enc(id)}/follow-ups`, input);
