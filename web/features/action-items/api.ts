import { queryOptions } from "@tanstack/react-query";
import type {
  ActionItem,
  ActionItemFormInput,
  ActionItemUpdate,
} from "../../../shared/schemas/action-items.ts";
import { api } from "../../api/client.ts";

export type { ActionItem } from "../../../shared/schemas/action-items.ts";

const enc = encodeURIComponent;

export const actionItemKeys = {
  all: ["action-items"] as const,
  mine: () => ["action-items", "mine"] as const,
  community: (communityId: string) => ["action-items", "community", communityId] as const,
};

/** My open action items (home page). */
export const myActionItemsQuery = queryOptions({
  queryKey: actionItemKeys.mine(),
  queryFn: ({ signal }) =>
    api.get<{ items: ActionItem[] }>("/api/v1/action-items", { query: { mine: 1, status: "open" }, signal }),
});

/** A community's open action items (for the next meeting's review). */
export const openActionItemsQuery = (communityId: string) =>
  queryOptions({
    queryKey: actionItemKeys.community(communityId),
    queryFn: ({ signal }) =>
      api.get<{ items: ActionItem[] }>(`/api/v1/communities/${enc(communityId)}/action-items`, {
        query: { status: "open" },
        signal,
      }),
  });

export const createMeetingActionItem = (
  meetingId: string,
  input: ActionItemFormInput,
  idempotencyKey: string,
) => api.post<ActionItem>(`/api/v1/meetings/${enc(meetingId)}/action-items`, input, { idempotencyKey });

export const updateActionItem = (id: string, input: ActionItemUpdate) =>
  api.patch<ActionItem>(`/api/v1/action-items/${enc(id)}`, input);
