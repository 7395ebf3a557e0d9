import { queryOptions } from "@tanstack/react-query";
import type { AlignmentMap, Dashboard } from "../../../shared/schemas/alignment.ts";
import type { CycleStatus, GoalLevel, GoalStatus } from "../../../shared/schemas/goal-enums.ts";
import { api } from "../../api/client.ts";

export type {
  AlignmentMap,
  Dashboard,
  DashboardCycle,
  DashboardGoal,
  MapGoal,
} from "../../../shared/schemas/alignment.ts";

/** The dashboard's filters, as the URL and the API carry them. */
export type DashboardFilters = {
  schoolId?: string | undefined;
  communityId?: string | undefined;
  level?: GoalLevel | undefined;
  status?: GoalStatus | undefined;
  stage?: number | undefined;
  cycleStatus?: CycleStatus | undefined;
  q?: string | undefined;
};

export const alignmentKeys = {
  all: ["alignment"] as const,
  map: (schoolId: string | undefined) => ["alignment", "map", schoolId ?? null] as const,
  dashboard: (filters: DashboardFilters) => ["alignment", "dashboard", filters] as const,
};

export const alignmentMapQuery = (schoolId: string | undefined) =>
  queryOptions({
    queryKey: alignmentKeys.map(schoolId),
    queryFn: ({ signal }) => api.get<AlignmentMap>("/api/v1/alignment-map", { query: { schoolId }, signal }),
  });

export const dashboardQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: alignmentKeys.dashboard(filters),
    queryFn: ({ signal }) => api.get<Dashboard>("/api/v1/improvement-dashboard", { query: filters, signal }),
  });

/** The next page of one list ("Load more"): the cursor says which. */
export const morePage = (filters: DashboardFilters, cursor: string) =>
  api.get<Dashboard>("/api/v1/improvement-dashboard", { query: { ...filters, cursor } });
