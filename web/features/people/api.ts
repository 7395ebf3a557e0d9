import { queryOptions } from "@tanstack/react-query";
import type { Invitation } from "../../../shared/schemas/invitations.ts";
import type {
  Person,
  PersonAdminUpdate,
  PersonInvite,
  PersonStatus,
} from "../../../shared/schemas/people.ts";
import { api } from "../../api/client.ts";

export const peopleKeys = {
  all: ["people"] as const,
  list: (q: string, status: PersonStatus | undefined) => ["people", "list", q, status ?? "all"] as const,
  invitations: ["people", "invitations"] as const,
};

export const peopleQuery = (q: string, status: PersonStatus | undefined) =>
  queryOptions({
    queryKey: peopleKeys.list(q, status),
    queryFn: ({ signal }) =>
      api.get<{ items: Person[] }>("/api/v1/people", { query: { q: q || undefined, status }, signal }),
  });

export const peopleInvitationsQuery = queryOptions({
  queryKey: peopleKeys.invitations,
  queryFn: ({ signal }) => api.get<{ items: Invitation[] }>("/api/v1/people/invitations", { signal }),
});

export const invitePerson = (input: PersonInvite, idempotencyKey: string) =>
  api.post<Invitation>("/api/v1/people/invitations", input, { idempotencyKey });

export const revokePersonInvitation = (id: string) =>
  api.delete(`/api/v1/people/invitations/${encodeURIComponent(id)}`);

export const updatePerson = (id: string, input: PersonAdminUpdate) =>
  api.patch<Person>(`/api/v1/people/${encodeURIComponent(id)}`, input);
