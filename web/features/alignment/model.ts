import type { AlignmentMap, MapGoal } from "./api.ts";

/** The map's goals and edges indexed for the diagram, the list view and the selection text. */
export type MapModel = {
  byId: Map<string, MapGoal>;
  /** goal → the goals it aligns to (one level up), and goal → the goals aligned to it. */
  up: Map<string, string[]>;
  down: Map<string, string[]>;
  columns: { key: "reference" | "district" | "school" | "community"; goals: MapGoal[] }[];
  communityCounts: Map<string, number>;
};

export function modelOf(map: AlignmentMap): MapModel {
  const byId = new Map([...map.goals, ...map.gapGoals].map((g) => [g.id, g]));
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const { from, to } of map.edges) {
    up.set(from, [...(up.get(from) ?? []), to]);
    down.set(to, [...(down.get(to) ?? []), from]);
  }
  const at = (levels: string[]) => map.goals.filter((g) => levels.includes(g.level));
  const columns: MapModel["columns"] = [
    { key: "reference", goals: at(["national", "state"]) },
    { key: "district", goals: at(["district"]) },
    { key: "school", goals: at(["school"]) },
    { key: "community", goals: at(["community"]) },
  ];
  return {
    byId,
    up,
    down,
    // A column with nothing in it is left out, except the three the map is about.
    columns: columns.filter(
      (c) => c.goals.length > 0 || (c.key !== "reference" && !(c.key === "community" && map.summarised)),
    ),
    communityCounts: new Map(map.communitySummaries.map((s) => [s.goalId, s.count])),
  };
}

/** The goals related to the selected one: what it aligns to and what aligns to it (direct links). */
export function relatedTo(model: MapModel, id: string | null): Set<string> {
  if (!id) return new Set();
  return new Set([...(model.up.get(id) ?? []), ...(model.down.get(id) ?? [])]);
}
