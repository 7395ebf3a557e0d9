import type { Actor } from "../../http/auth/plugin.ts";

/** District-wide abilities; pure, so the UI receives the same answers (`me.can`). */
export const orgPolicy = {
  manageOrganization: (actor: Actor) => actor.orgRole === "administrator",
  readPeople: (actor: Actor) => actor.orgRole === "administrator" || actor.orgRole === "school_leader",
  createCommunity: (actor: Actor) => actor.orgRole !== "partner",
  readAudit: (actor: Actor) => actor.orgRole === "administrator",
  readOutbox: (actor: Actor) => actor.orgRole === "administrator",
  /** A school leader leads the schools on their profile, so only an administrator may change those. */
  chooseOwnSchools: (actor: Actor) => actor.orgRole !== "school_leader",
};
