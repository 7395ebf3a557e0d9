import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { JournalEntry, JournalPage, JournalShareTargets } from "../../../shared/schemas/journals.ts";
import type { LearningPlan } from "../../../shared/schemas/learning-plans.ts";
import { api, request } from "../../api/client.ts";

export type { JournalEntry, JournalPage } from "../../../shared/schemas/journals.ts";

const enc = encodeURIComponent;

export const journalKeys = {
  all: ["journal"] as const,
  mine: ["journal", "mine"] as const,
  one: (id: string) => ["journal", "one", id] as const,
  community: (id: string) => ["journal", "community", id] as const,
  targets: ["journal", "share-targets"] as const,
};

export const myJournalQuery = () =>
  infiniteQueryOptions({
    queryKey: journalKeys.mine,
    queryFn: ({ pageParam, signal }) =>
      api.get<JournalPage>("/api/v1/journal-entries", { query: { cursor: pageParam, limit: 20 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const communityJournalQuery = (communityId: string) =>
  queryOptions({
    queryKey: journalKeys.community(communityId),
    queryFn: ({ signal }) =>
      api.get<JournalPage>(`/api/v1/communities/${enc(communityId)}/journal-entries`, {
        query: { limit: 20 },
        signal,
      }),
  });

export const entryQuery = (id: string) =>
  queryOptions({
    queryKey: journalKeys.one(id),
    queryFn: ({ signal }) => api.get<JournalEntry>(`/api/v1/journal-entries/${enc(id)}`, { signal }),
    retry: false,
  });

export const shareTargetsQuery = () =>
  queryOptions({
    queryKey: journalKeys.targets,
    queryFn: ({ signal }) =>
      api.get<JournalShareTargets>("/api/v1/journal-entries/share-targets", { signal }),
  });

export const createEntry = (input: unknown, idempotencyKey: string) =>
  api.post<JournalEntry>("/api/v1/journal-entries", input, { idempotencyKey });
export const updateEntry = (id: string, input: unknown) =>
  api.patch<JournalEntry>(`/api/v1/journal-entries/${enc(id)}`, input);
export const deleteEntry = (id: string) => api.delete(`/api/v1/journal-entries/${enc(id)}`);
export const shareEntry = (id: string, communityId: string) =>
  request<JournalEntry>(`/api/v1/journal-entries/${enc(id)}/share`, { method: "PUT", body: { communityId } });
export const unshareEntry = (id: string) =>
  api.delete<JournalEntry>(`/api/v1/journal-entries/${enc(id)}/share`);
export const addEntryToPlan = (id: string, input: unknown) =>
  api.post<LearningPlan>(`/api/v1/journal-entries/${enc(id)}/learning-plan`, input);

/** "2026-09-15" as the person reads a day (a calendar day: no time zone may shift it). */
export function formatDay(day: string, locale: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(d);
}
