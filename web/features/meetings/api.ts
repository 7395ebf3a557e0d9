import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type {
  AgendaItemInput,
  AgendaItemUpdate,
  Meeting,
  MeetingInput,
  MeetingSummary,
  MeetingUpdate,
  RoleAssignments,
  SeriesChange,
} from "../../../shared/schemas/meetings.ts";
import { api, request } from "../../api/client.ts";

const enc = encodeURIComponent;
export type MeetingCreated = Meeting & { occurrenceCount: number };
export type MeetingPage = { items: MeetingSummary[]; nextCursor: string | null };
export type When = "upcoming" | "past";

export const meetingKeys = {
  all: ["meetings"] as const,
  list: (communityId: string, when: When) => ["meetings", "list", communityId, when] as const,
  detail: (id: string) => ["meetings", "detail", id] as const,
};

export const meetingListPage = (communityId: string, when: When, cursor?: string, limit = 20) =>
  api.get<MeetingPage>(`/api/v1/communities/${enc(communityId)}/meetings`, {
    query: { when, cursor, limit },
  });

/** The first few upcoming meetings of a community (its page shows them). */
export const nextMeetingsQuery = (communityId: string, limit = 3) =>
  queryOptions({
    queryKey: [...meetingKeys.list(communityId, "upcoming"), "first", limit],
    queryFn: () => meetingListPage(communityId, "upcoming", undefined, limit),
  });

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => api.get<Meeting>(`/api/v1/meetings/${enc(id)}`, { signal }),
  });

export const scheduleMeeting = (communityId: string, input: MeetingInput, idempotencyKey: string) =>
  api.post<MeetingCreated>(`/api/v1/communities/${enc(communityId)}/meetings`, input, { idempotencyKey });

export const updateMeeting = (id: string, input: MeetingUpdate) =>
  api.patch<Meeting>(`/api/v1/meetings/${enc(id)}`, input);
export const cancelMeeting = (id: string) => api.post<Meeting>(`/api/v1/meetings/${enc(id)}/cancel`);
export const restoreMeeting = (id: string) => api.post<Meeting>(`/api/v1/meetings/${enc(id)}/restore`);
export const cancelSeriesFrom = (seriesId: string, from: string) =>
  api.post<SeriesChange>(`/api/v1/meeting-series/${enc(seriesId)}/cancel`, { from });

export const addAgendaItem = (meetingId: string, input: AgendaItemInput, idempotencyKey: string) =>
  api.post<Meeting>(`/api/v1/meetings/${enc(meetingId)}/agenda-items`, input, { idempotencyKey });
export const updateAgendaItem = (meetingId: string, itemId: string, input: AgendaItemUpdate) =>
  api.patch<Meeting>(`/api/v1/meetings/${enc(meetingId)}/agenda-items/${enc(itemId)}`, input);
export const removeAgendaItem = (meetingId: string, itemId: string) =>
  api.delete<Meeting>(`/api/v1/meetings/${enc(meetingId)}/agenda-items/${enc(itemId)}`);
export const reorderAgenda = (meetingId: string, itemIds: string[]) =>
  request<Meeting>(`/api/v1/meetings/${enc(meetingId)}/agenda-order`, { method: "PUT", body: { itemIds } });
export const setRoles = (meetingId: string, input: RoleAssignments) =>
  request<Meeting>(`/api/v1/meetings/${enc(meetingId)}/roles`, { method: "PUT", body: input });

export const meetingIcsUrl = (id: string) => `/api/v1/meetings/${enc(id)}/calendar.ics`;

/** After a change: keep the fresh meeting, and let lists and the home page refetch. */
export function rememberMeeting(queryClient: QueryClient, meeting: Meeting) {
  queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
  void queryClient.invalidateQueries({ queryKey: ["meetings", "list"] });
  void queryClient.invalidateQueries({ queryKey: ["home"] });
}
