/*
 * A learning plan is its owner's alone: every route acts on the caller's own plan, found by the caller's
 * id, never by someone else's. A learning goal or activity of anyone else's plan is 404 — to
 * administrators too: the plan is the teacher's own record of their learning, not a report to the district.
 */
export const ownsPlan = (actorId: string, plan: { person_id: string } | undefined) =>
  plan !== undefined && plan.person_id === actorId;
