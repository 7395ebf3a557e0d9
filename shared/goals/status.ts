import type { GoalStatus } from "../schemas/goal-enums.ts";
import type { GoalProblem } from "./smart.ts";

/** A result: the goal has been judged against its target. */
const resultStatuses: readonly GoalStatus[] = ["met", "not_met"];

export type StatusChange = {
  from: GoalStatus;
  to: GoalStatus;
  reason: string;
  /** The goal has at least one measurement. */
  measured: boolean;
  /** The goal's deadline, and today in the person's time zone (YYYY-MM-DD). */
  deadline: string | null;
  today: string;
};

/**
 * Status rules, decided once for the API and the form:
 * - Any change of status needs a written reason (it is kept in the goal's history).
 * - Met / not met are results: only once there is at least one measurement to judge by, or once the
 *   deadline has passed (a team may judge a goal it never measured in Lamplight, after the fact).
 * - Retired is final: only an editor may reopen it (only editors change status at all), and reopening is a
 *   change like any other, so it needs its reason too.
 * Returns the problem, or null when the change is allowed (or there is no change).
 */
export function statusChangeProblem(c: StatusChange): GoalProblem | null {
  if (c.from === c.to) return null;
  if (c.reason.trim() === "")
    return {
      path: "reason",
      message:
        c.from === "retired"
          ? "Say why this retired goal is reopened."
          : "Say why the status changes: it is kept in the goal's history.",
    };
  const deadlinePassed = c.deadline !== null && c.deadline < c.today;
  if (resultStatuses.includes(c.to) && !c.measured && !deadlinePassed)
    return {
      path: "status",
      message:
        "Add a measurement first, or wait until the deadline has passed, to call the goal met or not met.",
    };
  return null;
}

/** The status a new goal may start in: not a result (nothing is measured yet), never retired. */
export function initialStatusProblem(status: GoalStatus, deadline: string | null, today: string) {
  if (status === "retired") return { path: "status", message: "A new goal cannot start retired." };
  return statusChangeProblem({
    from: "not_started",
    to: status,
    reason: "new",
    measured: false,
    deadline,
    today,
  });
}
