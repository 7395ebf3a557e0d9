import { queryOptions } from "@tanstack/react-query";
import type { OutboxMessage } from "../../../../shared/schemas/audit.ts";
import { api } from "../../../api/client.ts";

export const outboxQuery = queryOptions({
  queryKey: ["outbox"],
  queryFn: ({ signal }) => api.get<{ items: OutboxMessage[] }>("/api/v1/outbox", { signal }),
  refetchInterval: 15_000,
});
