import { queryOptions } from "@tanstack/react-query";
import type {
  CheckIn,
  CheckInFormInput,
  Goal,
  GoalDetail,
  GoalFormInput,
  GoalListQuery,
  GoalRevision,
  GoalUpdateInput,
  Measurement,
  MeasurementFormInput,
} from "../../../shared/schemas/goals.ts";
import { api, request } from "../../api/client.ts";

export type { CheckIn, Goal, GoalDetail, GoalRevision, Measurement } from "../../../shared/schemas/goals.ts";

const enc = encodeURIComponent;
const base = "/api/v1/goals";

export const goalKeys = {
  all: ["goals"] as const,
  list: (query: GoalListQuery) => ["goals", "list", query] as const,
  one: (id: string) => ["goals", "one", id] as const,
  history: (id: string) => ["goals", "history", id] as const,
};

export const goalListQuery = (query: GoalListQuery) =>
  queryOptions({
    queryKey: goalKeys.list(query),
    queryFn: ({ signal }) => api.get<{ items: Goal[] }>(base, { query, signal }),
  });

export const goalQuery = (id: string) =>
  queryOptions({
    queryKey: goalKeys.one(id),
    queryFn: ({ signal }) => api.get<GoalDetail>(`${base}/${enc(id)}`, { signal }),
  });

export const goalHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: goalKeys.history(id),
    queryFn: ({ signal }) => api.get<{ items: GoalRevision[] }>(`${base}/${enc(id)}/history`, { signal }),
  });

export const createGoal = (input: GoalFormInput, idempotencyKey: string) =>
  api.post<GoalDetail>(base, input, { idempotencyKey });

export const updateGoal = (id: string, input: GoalUpdateInput) =>
  api.patch<GoalDetail>(`${base}/${enc(id)}`, input);

export const setAlignments = (id: string, alignedToIds: string[]) =>
  request<GoalDetail>(`${base}/${enc(id)}/alignments`, { method: "PUT", body: { alignedToIds } });

export const addMeasurement = (id: string, input: MeasurementFormInput, idempotencyKey: string) =>
  api.post<Measurement>(`${base}/${enc(id)}/measurements`, input, { idempotencyKey });

export const removeMeasurement = (id: string, measurementId: string) =>
  api.delete<void>(`${base}/${enc(id)}/measurements/${enc(measurementId)}`);

export const addCheckIn = (id: string, input: CheckInFormInput, idempotencyKey: string) =>
  api.post<CheckIn>(`${base}/${enc(id)}/check-ins`, input, { idempotencyKey });
