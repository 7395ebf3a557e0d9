import { describe, expect, it } from "vitest";
import type { Actor } from "../../http/auth/plugin.ts";
import { canManageResults, canReadResults, type ResultsAccess } from "./policy.ts";

const actor = (orgRole: Actor["orgRole"], schoolIds: string[] = []): Actor => ({
  id: "p",
  orgId: "o",
  orgRole,
  name: "P",
  email: "p@example.org",
  schoolIds,
});
const team = (a: Actor, communityRole: ResultsAccess["communityRole"] = null): ResultsAccess => ({
  actor: a,
  communityId: "c",
  communityRole,
  schoolIds: ["s1"],
  archived: false,
});

describe("who may create assessments and import results", () => {
  it("administrators, the leaders of the community's schools and its facilitators", () => {
    expect(canManageResults(team(actor("administrator")))).toBe(true);
    expect(canManageResults(team(actor("school_leader", ["s1"])))).toBe(true);
    expect(canManageResults(team(actor("educator"), "facilitator"))).toBe(true);
  });

  it("not a leader of another school, a member, an observer, or anyone in an archived community", () => {
    expect(canManageResults(team(actor("school_leader", ["s2"])))).toBe(false);
    expect(canManageResults(team(actor("educator"), "member"))).toBe(false);
    expect(canManageResults(team(actor("educator"), "observer"))).toBe(false);
    expect(canManageResults({ ...team(actor("administrator")), archived: true })).toBe(false);
  });

  it("partners never, even as a community's facilitator", () => {
    expect(canManageResults(team(actor("partner"), "facilitator"))).toBe(false);
    expect(canManageResults(team(actor("educator"), "partner"))).toBe(false);
  });

  it("district-wide assessments: administrators only", () => {
    const district = (a: Actor): ResultsAccess => ({ ...team(a), communityId: null, schoolIds: [] });
    expect(canManageResults(district(actor("administrator")))).toBe(true);
    expect(canManageResults(district(actor("school_leader", ["s1"])))).toBe(false);
  });
});

describe("who may read a team's assessments", () => {
  it("the managers, and the team's members and observers — also once the community is archived", () => {
    expect(canReadResults(team(actor("educator"), "member"))).toBe(true);
    expect(canReadResults(team(actor("educator"), "observer"))).toBe(true);
    expect(canReadResults(team(actor("school_leader", ["s1"])))).toBe(true);
    expect(canReadResults({ ...team(actor("educator"), "member"), archived: true })).toBe(true);
    expect(canReadResults({ ...team(actor("administrator")), archived: true })).toBe(true);
  });

  it("not an educator outside the team, a leader of another school, or a partner", () => {
    expect(canReadResults(team(actor("educator")))).toBe(false);
    expect(canReadResults(team(actor("school_leader", ["s2"])))).toBe(false);
    expect(canReadResults(team(actor("partner"), "member"))).toBe(false);
    expect(canReadResults(team(actor("educator"), "partner"))).toBe(false);
  });
});
