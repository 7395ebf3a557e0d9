import { queryOptions } from "@tanstack/react-query";
import type { LearningPlan } from "../../../shared/schemas/learning-plans.ts";
import { api } from "../../api/client.ts";

export type { Activity, LearningGoal, LearningPlan } from "../../../shared/schemas/learning-plans.ts";

const enc = encodeURIComponent;

export const planKeys = {
  all: ["learning-plan"] as const,
  year: (year: string) => ["learning-plan", year] as const,
};

/** The caller's plan for a school year ("current": the one today falls in). */
export const planQuery = (year: string) =>
  queryOptions({
    queryKey: planKeys.year(year),
    queryFn: ({ signal }) => api.get<LearningPlan>(`/api/v1/learning-plans/${enc(year)}`, { signal }),
    retry: false,
  });

const base = (year: string) => `/api/v1/learning-plans/${enc(year)}`;

export const updatePlan = (year: string, input: unknown) => api.patch<LearningPlan>(base(year), input);
export const addGoal = (year: string, input: unknown, idempotencyKey: string) =>
  api.post<LearningPlan>(`${base(year)}/goals`, input, { idempotencyKey });
export const updateGoal = (year: string, id: string, input: unknown) =>
  api.patch<LearningPlan>(`${base(year)}/goals/${enc(id)}`, input);
export const removeGoal = (year: string, id: string) =>
  api.delete<LearningPlan>(`${base(year)}/goals/${enc(id)}`);
export const addActivity = (year: string, input: unknown, idempotencyKey: string) =>
  api.post<LearningPlan>(`${base(year)}/activities`, input, { idempotencyKey });
export const updateActivity = (year: string, id: string, input: unknown) =>
  api.patch<LearningPlan>(`${base(year)}/activities/${enc(id)}`, input);
export const removeActivity = (year: string, id: string) =>
  api.delete<LearningPlan>(`${base(year)}/activities/${enc(id)}`);
