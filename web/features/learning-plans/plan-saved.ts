import { useQueryClient } from "@tanstack/react-query";
import { type LearningPlan, planKeys } from "./api.ts";

/** Keeps every cached view of the plan (the year asked for, "current") in step after a write. */
export function usePlanSaved(year: string) {
  const queryClient = useQueryClient();
  return (saved: LearningPlan) => {
    queryClient.setQueryData(planKeys.year(year), saved);
    void queryClient.invalidateQueries({ queryKey: planKeys.all });
  };
}
