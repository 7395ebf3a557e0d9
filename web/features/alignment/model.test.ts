import { describe, expect, it } from "vitest";
import type { AlignmentMap, MapGoal } from "./api.ts";
import { modelOf, relatedTo } from "./model.ts";

const goal = (id: string, level: MapGoal["level"]): MapGoal => ({
  id,
  level,
  title: id,
  status: "on_track",
  school: null,
  community: null,
  communitySchoolIds: [],
  deadline: null,
  unit: null,
  baseline: null,
  target: null,
  latest: null,
  progress: null,
  overdue: false,
});
const gaps = {
  unaligned: { total: 0, items: [] },
  unsupported: { total: 0, items: [] },
  overdue: { total: 0, items: [] },
};
const map = (over: Partial<AlignmentMap>): AlignmentMap => ({
  school: null,
  schools: [],
  goals: [],
  edges: [],
  summarised: false,
  communitySummaries: [],
  gaps,
  gapGoals: [],
  ...over,
});

describe("the alignment map's model", () => {
  const m = modelOf(
    map({
      goals: [
        goal("d", "district"),
        goal("s1", "school"),
        goal("s2", "school"),
        goal("c1", "community"),
        goal("c2", "community"),
      ],
      edges: [
        { from: "s1", to: "d" },
        { from: "c1", to: "s1" },
        { from: "c2", to: "s1" },
      ],
    }),
  );

  it("puts goals in the District, Schools and Communities columns, leaving out an empty reference column", () => {
    expect(m.columns.map((c) => [c.key, c.goals.map((g) => g.id)])).toEqual([
      ["district", ["d"]],
      ["school", ["s1", "s2"]],
      ["community", ["c1", "c2"]],
    ]);
  });

  it("relates a selected goal to what it aligns to and what aligns to it, one step each way", () => {
    expect([...relatedTo(m, "s1")].sort()).toEqual(["c1", "c2", "d"]);
    expect([...relatedTo(m, "c1")]).toEqual(["s1"]);
    expect([...relatedTo(m, "s2")]).toEqual([]);
    expect(relatedTo(m, null).size).toBe(0);
  });

  it("drops the communities column when they are summarised, and counts them on school goals", () => {
    const summarised = modelOf(
      map({
        goals: [goal("d", "district"), goal("s1", "school")],
        summarised: true,
        communitySummaries: [{ goalId: "s1", count: 12, byStatus: { on_track: 12 } }],
      }),
    );
    expect(summarised.columns.map((c) => c.key)).toEqual(["district", "school"]);
    expect(summarised.communityCounts.get("s1")).toBe(12);
  });
});
