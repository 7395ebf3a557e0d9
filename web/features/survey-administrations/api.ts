import { queryOptions } from "@tanstack/react-query";
import type {
  Administration,
  AdministrationInput,
  AdministrationList,
  MySurveys,
} from "../../../shared/schemas/survey-administrations.ts";
import { api, request } from "../../api/client.ts";

export type {
  Administration,
  AdministrationSummary,
  MySurvey,
} from "../../../shared/schemas/survey-administrations.ts";

const base = "/api/v1/survey-administrations";
const enc = encodeURIComponent;

export const administrationKeys = {
  all: ["survey-administrations"] as const,
  one: (id: string) => ["survey-administrations", "one", id] as const,
  community: (id: string) => ["survey-administrations", "community", id] as const,
  mine: ["survey-administrations", "mine"] as const,
  sent: ["survey-administrations", "sent"] as const,
};

export const administrationQuery = (id: string) =>
  queryOptions({
    queryKey: administrationKeys.one(id),
    queryFn: ({ signal }) => api.get<Administration>(`${base}/${enc(id)}`, { signal }),
    retry: false,
  });

export const communityAdministrationsQuery = (communityId: string) =>
  queryOptions({
    queryKey: administrationKeys.community(communityId),
    queryFn: ({ signal }) => api.get<AdministrationList>(`${base}?community=${enc(communityId)}`, { signal }),
  });

/** Every administration whose results I may read (mine, my teams', my schools'). */
export const sentAdministrationsQuery = queryOptions({
  queryKey: administrationKeys.sent,
  queryFn: ({ signal }) => api.get<AdministrationList>(base, { signal }),
});

export const mySurveysQuery = queryOptions({
  queryKey: administrationKeys.mine,
  queryFn: ({ signal }) => api.get<MySurveys>("/api/v1/me/surveys", { signal }),
});

export const sendAdministration = (input: AdministrationInput, idempotencyKey: string) =>
  api.post<Administration>(base, input, { idempotencyKey });
export const closeAdministration = (id: string, version: number) =>
  api.post<Administration>(`${base}/${enc(id)}/close`, { version });
export const changeClosing = (id: string, closesAt: string, version: number) =>
  request<Administration>(`${base}/${enc(id)}`, { method: "PATCH", body: { closesAt, version } });
export const remindAdministration = (id: string) =>
  api.post<{ reminded: number; remindedAt: string }>(`${base}/${enc(id)}/reminders`);
