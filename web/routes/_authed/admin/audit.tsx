import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { auditActions } from "../../../../shared/schemas/audit.ts";
import { AuditPage } from "../../../features/admin/audit/audit-page.tsx";

export const Route = createFileRoute("/_authed/admin/audit")({
  validateSearch: z.object({ action: z.enum(auditActions).optional() }),
  component: function AuditRoute() {
    const { action } = Route.useSearch();
    return <AuditPage action={action} />;
  },
});
