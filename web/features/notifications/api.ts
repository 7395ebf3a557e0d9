import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { Notification, NotificationMutes } from "../../../shared/schemas/notifications.ts";
import type { NotificationKind } from "../../../shared/schemas/work-enums.ts";
import { api, request } from "../../api/client.ts";

export type { Notification } from "../../../shared/schemas/notifications.ts";

const base = "/api/v1/notifications";

export const notificationKeys = {
  all: ["notifications"] as const,
  count: ["notifications", "unread-count"] as const,
  list: (filter: "all" | "unread") => ["notifications", "list", filter] as const,
  mutes: ["notifications", "mutes"] as const,
};

/** How often the bell asks for its number (and again whenever the window regains focus). */
export const BELL_POLL_MS = 30_000;

export const unreadCountQuery = queryOptions({
  queryKey: notificationKeys.count,
  queryFn: ({ signal }) => api.get<{ unread: number }>(`${base}/unread-count`, { signal }),
  refetchInterval: BELL_POLL_MS,
  refetchOnWindowFocus: true,
  staleTime: 5_000,
});

export const notificationListQuery = (filter: "all" | "unread") =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: Notification[]; nextCursor: string | null }>(base, {
        query: { filter, cursor: pageParam, limit: 30 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const markRead = (id: string) => api.post<Notification>(`${base}/${encodeURIComponent(id)}/read`, {});
export const markAllRead = () => api.post<{ marked: number }>(`${base}/read-all`, {});

export const mutesQuery = queryOptions({
  queryKey: notificationKeys.mutes,
  queryFn: ({ signal }) => api.get<NotificationMutes>(`${base}/mutes`, { signal }),
});
export const saveMutes = (muted: NotificationKind[]) =>
  request<NotificationMutes>(`${base}/mutes`, { method: "PUT", body: { muted } });
