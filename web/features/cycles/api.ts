import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type {
  Cycle,
  CycleCreate,
  CycleSummary,
  CycleUpdate,
  DecisionInput,
  EvidenceInput,
  StageInput,
} from "../../../shared/schemas/cycles.ts";
import type { MeetingSummary } from "../../../shared/schemas/meetings.ts";
import { api, request } from "../../api/client.ts";

export type { Cycle, CycleSummary, Evidence, StageRecord } from "../../../shared/schemas/cycles.ts";

const enc = encodeURIComponent;

export const cycleKeys = {
  all: ["cycles"] as const,
  community: (communityId: string) => ["cycles", "community", communityId] as const,
  one: (id: string) => ["cycles", "one", id] as const,
  meetings: (communityId: string) => ["cycles", "meetings", communityId] as const,
};

export const communityCyclesQuery = (communityId: string) =>
  queryOptions({
    queryKey: cycleKeys.community(communityId),
    queryFn: ({ signal }) =>
      api.get<{ items: CycleSummary[] }>(`/api/v1/communities/${enc(communityId)}/cycles`, { signal }),
  });

export const cycleQuery = (id: string) =>
  queryOptions({
    queryKey: cycleKeys.one(id),
    queryFn: ({ signal }) => api.get<Cycle>(`/api/v1/cycles/${enc(id)}`, { signal }),
  });

/** The community's meetings, past and upcoming, to link as evidence. */
export const evidenceMeetingsQuery = (communityId: string) =>
  queryOptions({
    queryKey: cycleKeys.meetings(communityId),
    queryFn: async ({ signal }) => {
      const page = (when: "past" | "upcoming") =>
        api.get<{ items: MeetingSummary[] }>(`/api/v1/communities/${enc(communityId)}/meetings`, {
          query: { when, limit: 50 },
          signal,
        });
      const [past, upcoming] = await Promise.all([page("past"), page("upcoming")]);
      return [...past.items, ...upcoming.items];
    },
  });

export const startCycle = (communityId: string, input: Partial<CycleCreate>, idempotencyKey: string) =>
  api.post<Cycle>(`/api/v1/communities/${enc(communityId)}/cycles`, input, { idempotencyKey });

export const updateCycle = (id: string, input: CycleUpdate) =>
  api.patch<Cycle>(`/api/v1/cycles/${enc(id)}`, input);

export const saveStage = (id: string, stage: number, input: Partial<StageInput>) =>
  request<Cycle>(`/api/v1/cycles/${enc(id)}/stages/${stage}`, { method: "PUT", body: input });

export const moveStage = (id: string, to: number, version: number) =>
  api.post<Cycle>(`/api/v1/cycles/${enc(id)}/stage`, { to, version });

export const addEvidence = (id: string, input: EvidenceInput, idempotencyKey: string) =>
  api.post<Cycle>(`/api/v1/cycles/${enc(id)}/evidence`, input, { idempotencyKey });

export const removeEvidence = (id: string, evidenceId: string) =>
  api.delete<Cycle>(`/api/v1/cycles/${enc(id)}/evidence/${enc(evidenceId)}`);

export const decide = (id: string, input: Partial<DecisionInput>) =>
  api.post<Cycle>(`/api/v1/cycles/${enc(id)}/decision`, input);

export const stopCycle = (id: string, input: { reason: string; version: number }) =>
  api.post<Cycle>(`/api/v1/cycles/${enc(id)}/stop`, input);

export const reportCsvUrl = (id: string) => `/api/v1/cycles/${enc(id)}/report.csv`;

/** After a write: the answer is the cycle as it is now; lists showing it refresh. */
export function rememberCycle(queryClient: QueryClient, cycle: Cycle) {
  queryClient.setQueryData(cycleKeys.one(cycle.id), cycle);
  void queryClient.invalidateQueries({ queryKey: cycleKeys.community(cycle.communityId) });
}
