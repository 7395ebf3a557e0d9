import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { Attendance } from "../../../shared/schemas/attendance.ts";
import type { Archive, Decision, DecisionInput, Minutes } from "../../../shared/schemas/minutes.ts";
import { api, request } from "../../api/client.ts";

export type { Attendance, AttendanceEntry } from "../../../shared/schemas/attendance.ts";
export type { Archive, Decision, Minutes } from "../../../shared/schemas/minutes.ts";

const enc = encodeURIComponent;
const meetingBase = (meetingId: string) => `/api/v1/meetings/${enc(meetingId)}`;

export const minutesKeys = {
  all: ["minutes"] as const,
  detail: (meetingId: string) => ["minutes", "detail", meetingId] as const,
  archive: (communityId: string) => ["minutes", "archive", communityId] as const,
  attendance: (meetingId: string) => ["minutes", "attendance", meetingId] as const,
};

export const minutesQuery = (meetingId: string) =>
  queryOptions({
    queryKey: minutesKeys.detail(meetingId),
    queryFn: ({ signal }) => api.get<Minutes>(`${meetingBase(meetingId)}/minutes`, { signal }),
  });

export const archiveQuery = (communityId: string) =>
  infiniteQueryOptions({
    queryKey: minutesKeys.archive(communityId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<Archive>(`/api/v1/communities/${enc(communityId)}/minutes`, {
        query: { cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const saveSummary = (meetingId: string, summary: string, revision: number) =>
  api.patch<Minutes>(`${meetingBase(meetingId)}/minutes`, { summary, revision });

export const regenerateMinutes = (meetingId: string) =>
  api.post<Minutes>(`${meetingBase(meetingId)}/minutes/regenerate`);

/** Who was at the meeting as the live room recorded it (every member, present or not), for correcting. */
export const attendanceQuery = (meetingId: string) =>
  queryOptions({
    queryKey: minutesKeys.attendance(meetingId),
    queryFn: ({ signal }) => api.get<Attendance>(`${meetingBase(meetingId)}/attendance`, { signal }),
  });

export const setAttendance = (meetingId: string, personId: string, present: boolean) =>
  request<Attendance>(`${meetingBase(meetingId)}/attendance/${enc(personId)}`, {
    method: "PUT",
    body: { present },
  });

export const markdownUrl = (meetingId: string) => `${meetingBase(meetingId)}/minutes.md`;
export const pdfUrl = (meetingId: string) => `${meetingBase(meetingId)}/minutes.pdf`;

export const createDecision = (meetingId: string, input: Partial<DecisionInput>, idempotencyKey: string) =>
  api.post<Decision>(`${meetingBase(meetingId)}/decisions`, input, { idempotencyKey });

export const updateDecision = (meetingId: string, decisionId: string, input: Partial<DecisionInput>) =>
  api.patch<Decision>(`${meetingBase(meetingId)}/decisions/${enc(decisionId)}`, input);

export const deleteDecision = (meetingId: string, decisionId: string) =>
  api.delete(`${meetingBase(meetingId)}/decisions/${enc(decisionId)}`);
