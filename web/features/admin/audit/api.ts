import { infiniteQueryOptions } from "@tanstack/react-query";
import type { AuditAction, AuditEvent } from "../../../../shared/schemas/audit.ts";
import { api } from "../../../api/client.ts";

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export const auditQuery = (action: AuditAction | undefined) =>
  infiniteQueryOptions({
    queryKey: ["audit", action ?? "all"],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>("/api/v1/audit", { query: { action, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
