import { queryOptions } from "@tanstack/react-query";
import type { CalendarFeed } from "../../../shared/schemas/calendar.ts";
import { api } from "../../api/client.ts";

export const calendarFeedKey = ["calendar", "feed"] as const;

export const calendarFeedQuery = queryOptions({
  queryKey: calendarFeedKey,
  queryFn: ({ signal }) => api.get<CalendarFeed>("/api/v1/calendar/feed", { signal }),
});

/** Creates the person's subscription link, or replaces it (the old one stops working). */
export const regenerateCalendarFeed = () => api.post<CalendarFeed>("/api/v1/calendar/feed");
