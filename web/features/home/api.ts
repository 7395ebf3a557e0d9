import { queryOptions } from "@tanstack/react-query";
import type { CommunityRole, CommunitySummary } from "../../../shared/schemas/communities.ts";
import { api } from "../../api/client.ts";

/** Not in shared/schemas yet; shaped after docs/API.md. personId is optional (see web/README.md). */
export type NeedsMe =
  | { kind: "invitation"; token: string; communityName: string; role: CommunityRole; invitedBy: string }
  | {
      kind: "join_request";
      communityId: string;
      communityName: string;
      personName: string;
      personId?: string;
    };

export interface Home {
  communities: CommunitySummary[];
  needsMe: NeedsMe[];
}

export const homeQuery = queryOptions({
  queryKey: ["home"],
  queryFn: ({ signal }) => api.get<Home>("/api/v1/home", { signal }),
});
