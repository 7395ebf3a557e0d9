import { queryOptions, useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { Me } from "../../../shared/schemas/people.ts";
import { api, isApiError } from "../../api/client.ts";

export const meKey = ["me"] as const;

/** Who is signed in; null when nobody is (a 401 here is an answer, not an error). */
export const meQueryOptions = queryOptions({
  queryKey: meKey,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return await api.get<Me>("/api/v1/me", { signal, allowUnauthorized: true });
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMeQuery() {
  return useQuery(meQueryOptions);
}

/** Provided by the signed-in layout: every screen under it has a person. */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe() is only available on signed-in screens");
  return me;
}

/** What the navigation and admin screens may show. */
export function adminAccess(me: Me) {
  const isSchoolLeader = me.person.orgRole === "school_leader";
  return {
    people: me.can.manageOrganization || isSchoolLeader,
    managePeople: me.can.manageOrganization,
    schools: me.can.manageOrganization || isSchoolLeader,
    manageSchools: me.can.manageOrganization,
    audit: me.can.readAudit,
    outbox: me.can.readOutbox,
  };
}
