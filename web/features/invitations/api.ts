import { queryOptions } from "@tanstack/react-query";
import type { InvitationAccept, InvitationPreview } from "../../../shared/schemas/invitations.ts";
import { api } from "../../api/client.ts";

export interface AcceptResult {
  communityId: string | null;
  signedIn: boolean;
}

export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: ["invitation", token],
    queryFn: ({ signal }) =>
      api.get<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`, {
        signal,
        allowUnauthorized: true,
      }),
  });

export const acceptInvitation = (token: string, body: InvitationAccept, idempotencyKey?: string) =>
  api.post<AcceptResult>(
    `/api/v1/invitations/${encodeURIComponent(token)}/accept`,
    body,
    idempotencyKey ? { idempotencyKey } : undefined,
  );

/** Accept an invitation addressed to me, from the home page (by id: the token only travels by email). */
export const acceptMyInvitation = (invitationId: string) =>
  api.post<AcceptResult>(`/api/v1/me/invitations/${encodeURIComponent(invitationId)}/accept`, {});
