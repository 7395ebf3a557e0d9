import { useQueryClient } from "@tanstack/react-query";
import { goalKeys } from "./api.ts";

/** After any change: the goal, its history and the lists that show it. */
export function useRefreshGoal(goalId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: goalKeys.all });
    void queryClient.invalidateQueries({ queryKey: goalKeys.one(goalId) });
  };
}
