import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type {
  Community,
  CommunityInput,
  CommunityInvite,
  CommunityRole,
  CommunitySummary,
} from "../../../shared/schemas/communities.ts";
import type { Invitation } from "../../../shared/schemas/invitations.ts";
import { api } from "../../api/client.ts";

export type CommunityScope = "mine" | "discover" | "all";

const base = "/api/v1/communities";
const enc = encodeURIComponent;

export const communityKeys = {
  all: ["communities"] as const,
  list: (scope: CommunityScope, q: string) => ["communities", "list", scope, q] as const,
  detail: (id: string) => ["communities", "detail", id] as const,
  invitations: (id: string) => ["communities", "invitations", id] as const,
};

export const communityListQuery = (scope: CommunityScope, q: string) =>
  queryOptions({
    queryKey: communityKeys.list(scope, q),
    queryFn: ({ signal }) =>
      api.get<{ items: CommunitySummary[] }>(base, { query: { scope, q: q || undefined }, signal }),
  });

export const communityQuery = (id: string) =>
  queryOptions({
    queryKey: communityKeys.detail(id),
    queryFn: ({ signal }) => api.get<Community>(`${base}/${enc(id)}`, { signal }),
  });

export const communityInvitationsQuery = (id: string) =>
  queryOptions({
    queryKey: communityKeys.invitations(id),
    queryFn: ({ signal }) => api.get<{ items: Invitation[] }>(`${base}/${enc(id)}/invitations`, { signal }),
  });

export const createCommunity = (input: CommunityInput, idempotencyKey: string) =>
  api.post<Community>(base, input, { idempotencyKey });

export const updateCommunity = (id: string, input: Partial<CommunityInput>) =>
  api.patch<Community>(`${base}/${enc(id)}`, input);

export const archiveCommunity = (id: string) => api.post<Community>(`${base}/${enc(id)}/archive`);
export const restoreCommunity = (id: string) => api.post<Community>(`${base}/${enc(id)}/restore`);
export const joinCommunity = (id: string) => api.post<Community>(`${base}/${enc(id)}/join`);
export const leaveCommunity = (id: string) => api.post<Community>(`${base}/${enc(id)}/leave`);

export const inviteToCommunity = (id: string, input: CommunityInvite, idempotencyKey: string) =>
  api.post<Invitation>(`${base}/${enc(id)}/invitations`, input, { idempotencyKey });

export const revokeCommunityInvitation = (id: string, invitationId: string) =>
  api.delete(`${base}/${enc(id)}/invitations/${enc(invitationId)}`);

export const changeMemberRole = (id: string, personId: string, role: CommunityRole) =>
  api.patch<Community>(`${base}/${enc(id)}/members/${enc(personId)}`, { role });

export const removeMember = (id: string, personId: string) =>
  api.delete<Community>(`${base}/${enc(id)}/members/${enc(personId)}`);

export const decideJoinRequest = (id: string, personId: string, approve: boolean) =>
  api.post<Community>(`${base}/${enc(id)}/requests/${enc(personId)}`, { approve });

/** After any change: store the fresh community and let lists (and home) refetch. */
export function rememberCommunity(queryClient: QueryClient, community: Community | undefined, id: string) {
  if (community && typeof community === "object" && "id" in community) {
    queryClient.setQueryData(communityKeys.detail(community.id), community);
  } else {
    void queryClient.invalidateQueries({ queryKey: communityKeys.detail(id) });
  }
  void queryClient.invalidateQueries({ queryKey: ["communities", "list"] });
  void queryClient.invalidateQueries({ queryKey: ["home"] });
}
