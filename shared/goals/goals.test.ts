import { describe, expect, it } from "vitest";
import { type GoalLevel, goalLevels, levelAbove } from "../schemas/goal-enums.ts";
import { goalInputSchema, goalUpdateSchema, measurementInputSchema } from "../schemas/goals.ts";
import { type AlignmentEdge, checkAlignment, reaches } from "./alignment.ts";
import { latestOf, progressOf, progressSummary, targetMet } from "./progress.ts";
import { type SmartFields, smartProblems } from "./smart.ts";
import { initialStatusProblem, statusChangeProblem } from "./status.ts";

const smart: SmartFields = {
  level: "school",
  title: "Grade 7 proportional reasoning",
  improvement: "Proportional reasoning",
  population: "Grade 7 students",
  measure: "Percent proficient",
  unit: "percent",
  baseline: 40,
  target: 70,
  startsOn: "2026-09-01",
  deadline: "2027-06-15",
  source: "",
  sourceUrl: "",
};
const paths = (g: SmartFields) => smartProblems(g).map((p) => p.path);

describe("SMART validation", () => {
  it("accepts a complete goal", () => expect(smartProblems(smart)).toEqual([]));

  it("refuses a target equal to the baseline, naming the target", () => {
    expect(smartProblems({ ...smart, target: 40 })).toEqual([
      { path: "target", message: "Choose a target different from the baseline." },
    ]);
  });

  it("refuses a deadline before or on the start date", () => {
    expect(paths({ ...smart, deadline: "2026-08-01" })).toEqual(["deadline"]);
    expect(paths({ ...smart, deadline: "2026-09-01" })).toEqual(["deadline"]);
  });

  it("requires every SMART field of a measured goal, the unit included", () => {
    const empty = { ...smart, improvement: " ", population: "", measure: "", unit: null, baseline: null };
    expect(paths({ ...empty, target: null, startsOn: null, deadline: null })).toEqual([
      "improvement",
      "population",
      "measure",
      "unit",
      "baseline",
      "target",
      "startsOn",
      "deadline",
    ]);
  });

  it("asks of a reference goal only a title and its source; a link must be https", () => {
    const reference = { ...smart, level: "state" as const, unit: null, baseline: null, target: null };
    expect(paths({ ...reference, source: "" })).toEqual(["source"]);
    expect(paths({ ...reference, source: "State plan" })).toEqual([]);
    expect(paths({ ...reference, source: "State plan", sourceUrl: "http://state.example" })).toEqual([
      "sourceUrl",
    ]);
    expect(paths({ ...reference, source: "State plan", sourceUrl: "javascript:alert(1)" })).toEqual([
      "sourceUrl",
    ]);
    expect(paths({ ...reference, source: "Plan", sourceUrl: "https://state.example/plan" })).toEqual([]);
  });

  it("runs in the input schema, with each problem on its field", () => {
    const parsed = goalInputSchema.safeParse({ ...smart, schoolId: null, target: 40 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["schoolId", "target"]);
  });

  it("refuses measurements with unknown units and edits without a version", () => {
    expect(
      measurementInputSchema.safeParse({ value: 1, unit: "miles", measuredOn: "2026-10-01" }).success,
    ).toBe(false);
    expect(goalUpdateSchema.safeParse({ title: "x" }).error?.issues[0]?.path).toEqual(["version"]);
  });
});

describe("status rules", () => {
  const change = {
    from: "on_track" as const,
    reason: "",
    measured: false,
    deadline: "2027-06-15",
    today: "2026-12-01",
  };

  it("needs a reason for any change, none for no change", () => {
    expect(statusChangeProblem({ ...change, to: "at_risk" })?.path).toBe("reason");
    expect(statusChangeProblem({ ...change, to: "at_risk", reason: "  " })?.path).toBe("reason");
    expect(statusChangeProblem({ ...change, to: "at_risk", reason: "Scores dipped." })).toBeNull();
    expect(statusChangeProblem({ ...change, to: "on_track" })).toBeNull();
  });

  it("allows met and not met only with a measurement or after the deadline", () => {
    const reason = "Judged.";
    expect(statusChangeProblem({ ...change, to: "met", reason })?.path).toBe("status");
    expect(statusChangeProblem({ ...change, to: "not_met", reason })?.path).toBe("status");
    expect(statusChangeProblem({ ...change, to: "met", reason, measured: true })).toBeNull();
    expect(statusChangeProblem({ ...change, to: "not_met", reason, today: "2027-06-16" })).toBeNull();
    // On the deadline day itself the goal still runs.
    expect(statusChangeProblem({ ...change, to: "not_met", reason, today: "2027-06-15" })?.path).toBe(
      "status",
    );
  });

  it("reopens a retired goal only with a reason", () => {
    const retired = { ...change, from: "retired" as const };
    expect(statusChangeProblem({ ...retired, to: "on_track" })?.message).toContain("reopened");
    expect(statusChangeProblem({ ...retired, to: "on_track", reason: "The board renewed it." })).toBeNull();
  });

  it("lets a new goal start in any running status, not retired or as a result", () => {
    expect(initialStatusProblem("on_track", "2027-06-15", "2026-12-01")).toBeNull();
    expect(initialStatusProblem("retired", "2027-06-15", "2026-12-01")?.path).toBe("status");
    expect(initialStatusProblem("met", "2027-06-15", "2026-12-01")?.path).toBe("status");
  });
});

describe("alignment", () => {
  const g = (id: string, level: GoalLevel) => ({ id, level });

  it("aligns only to goals exactly one level above", () => {
    for (const level of goalLevels) {
      const above = levelAbove(level);
      for (const other of goalLevels) {
        const problem = checkAlignment(g("a", level), [g("b", other)], []);
        expect(problem === null, `${level} → ${other}`).toBe(other === above);
      }
    }
  });

  it("never to itself", () => {
    expect(checkAlignment(g("a", "school"), [g("a", "school")], [])?.message).toBe(
      "A goal cannot align to itself.",
    );
  });

  it("detects a loop through existing edges, whatever the levels say", () => {
    // b → c → a already; a → b would close the loop (levels made equal to isolate the loop check).
    const edges = [
      { goalId: "b", alignedToId: "c" },
      { goalId: "c", alignedToId: "a" },
    ];
    expect(reaches(edges, "b", "a")).toBe(true);
    expect(reaches(edges, "a", "b")).toBe(false);
    const school = g("a", "school");
    expect(checkAlignment(school, [g("b", "district")], edges)?.message).toContain("loop");
    // The goal's own old edges are being replaced, so they never count against it.
    expect(checkAlignment(school, [g("b", "district")], [{ goalId: "a", alignedToId: "b" }])).toBeNull();
  });

  it("property: on random graphs, reaches() agrees with a transitive closure and terminates on loops", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(random() * 7);
      const nodes = Array.from({ length: n }, (_, i) => `g${i}`);
      const edges: AlignmentEdge[] = [];
      for (const from of nodes)
        for (const to of nodes)
          if (from !== to && random() < 0.25) edges.push({ goalId: from, alignedToId: to });
      // Closure by repeated squaring (Floyd–Warshall on booleans).
      const reach = new Map(nodes.map((a) => [a, new Set([a])]));
      for (const e of edges) reach.get(e.goalId)?.add(e.alignedToId);
      for (const k of nodes)
        for (const i of nodes)
          if (reach.get(i)?.has(k)) for (const j of reach.get(k) ?? []) reach.get(i)?.add(j);
      for (const a of nodes)
        for (const b of nodes) expect(reaches(edges, a, b), `${a}→${b}`).toBe(reach.get(a)?.has(b) ?? false);
    }
  });

  it("property: adding an edge that checkAlignment accepts never creates a loop", () => {
    // Any layered set of goals: every accepted edge goes one level up, so the graph stays acyclic.
    const levels: GoalLevel[] = ["state", "district", "school", "community"];
    const goals = levels.flatMap((level) => [0, 1, 2].map((i) => g(`${level}${i}`, level)));
    let edges: AlignmentEdge[] = [];
    for (const goal of goals)
      for (const c of goals) {
        if (checkAlignment(goal, [c], edges) !== null) continue;
        edges = [...edges, { goalId: goal.id, alignedToId: c.id }];
        for (const e of edges) expect(reaches(edges, e.alignedToId, e.goalId)).toBe(false);
      }
    expect(edges.length).toBe(3 * 3 * 3);
  });
});

describe("progress", () => {
  it("is a fraction from baseline to target, up or down", () => {
    expect(progressOf(40, 70, 55)).toBe(0.5);
    expect(progressOf(20, 10, 15)).toBe(0.5);
    expect(progressOf(40, 70, 30)).toBeLessThan(0);
    expect(progressOf(40, 40, 50)).toBeNull();
    expect(progressOf(40, 70, null)).toBeNull();
  });

  it("knows whether the target is met in the goal's direction", () => {
    expect(targetMet(40, 70, 70)).toBe(true);
    expect(targetMet(40, 70, 69.9)).toBe(false);
    expect(targetMet(20, 10, 9)).toBe(true);
    expect(targetMet(20, 10, 11)).toBe(false);
  });

  it("takes the latest measurement by date, then by entry", () => {
    const ms = [
      { value: 1, measuredOn: "2026-10-01", createdAt: "a" },
      { value: 3, measuredOn: "2026-11-01", createdAt: "a" },
      { value: 2, measuredOn: "2026-11-01", createdAt: "b" },
    ];
    expect(latestOf(ms)?.value).toBe(2);
    expect(latestOf([])).toBeNull();
    expect(progressSummary(0, 4, ms)).toEqual({
      latest: { value: 2, measuredOn: "2026-11-01" },
      fraction: 0.5,
      met: false,
    });
  });
});
