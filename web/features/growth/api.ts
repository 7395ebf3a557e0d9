import { queryOptions } from "@tanstack/react-query";
import type { Growth, GrowthMeasure } from "../../../shared/schemas/growth.ts";
import { api, request } from "../../api/client.ts";

export type { Growth, GrowthMeasure, GrowthRow } from "../../../shared/schemas/growth.ts";

const enc = encodeURIComponent;

export const growthQuery = (before: string, after: string, standard: string) =>
  queryOptions({
    queryKey: ["growth", before, after, standard],
    queryFn: ({ signal }) =>
      api.get<Growth>(`/api/v1/growth?before=${enc(before)}&after=${enc(after)}&standard=${enc(standard)}`, {
        signal,
      }),
    retry: false,
  });

export const growthMeasureKey = (goalId: string) => ["goals", "growth-measure", goalId] as const;
export const growthMeasureQuery = (goalId: string) =>
  queryOptions({
    queryKey: growthMeasureKey(goalId),
    queryFn: ({ signal }) =>
      api.get<GrowthMeasure>(`/api/v1/goals/${enc(goalId)}/growth-measure`, { signal }),
  });

export const setGrowthMeasure = (goalId: string, input: unknown) =>
  request<GrowthMeasure>(`/api/v1/goals/${enc(goalId)}/growth-measure`, { method: "PUT", body: input });
export const refreshGrowthMeasure = (goalId: string) =>
  api.post<GrowthMeasure>(`/api/v1/goals/${enc(goalId)}/growth-measure/refresh`);
export const removeGrowthMeasure = (goalId: string) =>
  request<void>(`/api/v1/goals/${enc(goalId)}/growth-measure`, { method: "DELETE" });
