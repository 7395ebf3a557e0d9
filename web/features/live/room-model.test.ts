import { describe, expect, it } from "vitest";
import { tuning } from "../../../shared/protocols/builtin/tuning.ts";
import { protocolDefinitionSchema } from "../../../shared/protocols/definition.ts";
import type { LiveContribution, LiveParticipant, LiveState } from "../../../shared/schemas/live.ts";
import type { AgendaItem } from "../../../shared/schemas/meetings.ts";
import { composeKinds, groupByKind, peopleInRole, positionOf, progressOf, stepsOf } from "./room-model.ts";

const definition = protocolDefinitionSchema.parse(tuning.definition);
const base = {
  focusingQuestion: "",
  material: "",
  materialUrl: "",
  details: "",
  presenter: null,
  artifact: null,
};
const agenda: AgendaItem[] = [
  {
    ...base,
    id: "a",
    position: 0,
    kind: "announcements",
    title: "Announcements",
    minutes: 5,
    protocol: null,
  },
  {
    ...base,
    id: "b",
    position: 1,
    kind: "protocol",
    title: "",
    minutes: 60,
    protocol: { id: "p", versionId: "v", version: 1, name: "Tuning protocol", totalMinutes: 60, definition },
  },
];
const state = (itemIndex: number, stepIndex: number, phase: LiveState["phase"] = "running"): LiveState => ({
  version: 1,
  phase,
  itemIndex,
  stepIndex,
  durationSeconds: 300,
  endsAt: null,
  remainingMs: 0,
});

describe("the room's view of the agenda", () => {
  it("walks a non-protocol item as one step, as the server does", () => {
    expect(stepsOf(agenda[0] as AgendaItem).map((s) => [s.title, s.minutes, s.captures])).toEqual([
      ["Announcements", 5, "note"],
    ]);
  });

  it("finds the current protocol step, and nothing outside the agenda", () => {
    expect(positionOf(agenda, state(1, 4))?.step.title).toBe("Warm feedback");
    expect(positionOf(agenda, state(2, 0))).toBeNull();
    expect(positionOf(agenda, state(1, 99))).toBeNull();
    expect(positionOf([], state(0, 0))).toBeNull();
  });

  it("counts progress in steps, all done once ended", () => {
    expect(progressOf(agenda, state(0, 0))).toEqual({ done: 0, total: 9 });
    expect(progressOf(agenda, state(1, 4))).toEqual({ done: 5, total: 9 });
    expect(progressOf(agenda, state(1, 7, "ended"))).toEqual({ done: 9, total: 9 });
  });

  it("offers the kind the step collects, and always a note", () => {
    expect(composeKinds("warm_feedback")).toEqual(["warm_feedback", "note"]);
    expect(composeKinds("nothing")).toEqual(["note"]);
    expect(composeKinds("note")).toEqual(["note"]);
  });
});

describe("cards and people", () => {
  const contribution = (id: string, kind: LiveContribution["kind"], stepIndex = 4): LiveContribution => ({
    id,
    clientId: id,
    agendaItemId: "b",
    stepIndex,
    kind,
    body: id,
    author: null,
    mine: false,
    createdAt: "2030-01-01T10:00:00.000Z",
  });

  it("groups a step's cards by kind, the step's own kind first", () => {
    const groups = groupByKind(
      [
        contribution("n1", "note"),
        contribution("w1", "warm_feedback"),
        contribution("c1", "cool_feedback", 5),
      ],
      "b",
      4,
      ["warm_feedback", "note"],
    );
    expect(groups.map((g) => [g.kind, g.items.map((c) => c.id)])).toEqual([
      ["warm_feedback", ["w1"]],
      ["note", ["n1"]],
    ]);
  });

  it("counts as participants only people without another role", () => {
    const people: LiveParticipant[] = [
      { personId: "1", name: "Priya", roles: ["facilitator"], connections: 1 },
      { personId: "2", name: "Jordan", roles: ["presenter"], connections: 2 },
      { personId: "3", name: "Samuel", roles: [], connections: 1 },
    ];
    expect(peopleInRole("presenter", people).map((p) => p.name)).toEqual(["Jordan"]);
    expect(peopleInRole("participants", people).map((p) => p.name)).toEqual(["Samuel"]);
  });
});
