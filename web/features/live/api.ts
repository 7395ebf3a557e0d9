import { queryOptions } from "@tanstack/react-query";
import type { Meeting } from "../../../shared/schemas/meetings.ts";
import { api } from "../../api/client.ts";

/** The meeting with its agenda (protocol items carry their version's steps): what the room walks through. */
export const liveMeetingQuery = (meetingId: string) =>
  queryOptions({
    queryKey: ["meetings", "detail", meetingId] as const,
    queryFn: ({ signal }) =>
      api.get<Meeting>(`/api/v1/meetings/${encodeURIComponent(meetingId)}`, { signal }),
  });
