import { describe, expect, it } from "vitest";
import type { LiveState } from "../../shared/schemas/live.ts";
import {
  type Agenda,
  applyCommand,
  type Command,
  initialState,
  remainingAt,
  staleProblem,
} from "./state-machine.ts";

const step = (title: string, minutes: number) =>
  ({ title, minutes, captures: "nothing", anonymity: "named" }) as const;
const agenda: Agenda = [
  { id: "a", title: "Tuning", steps: [step("Presentation", 10), step("Warm feedback", 5)] },
  { id: "b", title: "Announcements", steps: [step("Announcements", 15)] },
];
const T0 = Date.parse("2026-11-27T15:30:00.000Z");

function run(state: LiveState, cmd: Command, now = T0): LiveState {
  const outcome = applyCommand(agenda, state, cmd, now);
  if (!outcome.ok) throw new Error(outcome.problem.title);
  return outcome.state;
}
const started = () => run(initialState(agenda), { command: "start" });

describe("live room state machine", () => {
  it("starts at the first step with its full time, counting down to an absolute instant", () => {
    const initial = initialState(agenda);
    expect(initial).toMatchObject({
      phase: "not_started",
      version: 0,
      durationSeconds: 600,
      remainingMs: 600_000,
    });
    const state = started();
    expect(state).toMatchObject({ phase: "running", version: 1, remainingMs: null });
    expect(state.endsAt).toBe("2026-11-27T15:40:00.000Z");
    expect(remainingAt(state, T0 + 60_000)).toBe(540_000);
  });

  it("walks the protocol's steps, then the next item (one step for an item without a protocol)", () => {
    let state = run(started(), { command: "next" }, T0 + 1000);
    expect(state).toMatchObject({ itemIndex: 0, stepIndex: 1, durationSeconds: 300, version: 2 });
    expect(state.endsAt).toBe("2026-11-27T15:35:01.000Z");
    state = run(state, { command: "next" });
    expect(state).toMatchObject({ itemIndex: 1, stepIndex: 0, durationSeconds: 900 });
    const last = applyCommand(agenda, state, { command: "next" }, T0);
    expect(last).toMatchObject({ ok: false, problem: { status: 409 } });
    state = run(state, { command: "back" });
    expect(state).toMatchObject({ itemIndex: 0, stepIndex: 1 });
    const first = applyCommand(agenda, run(state, { command: "back" }), { command: "back" }, T0);
    expect(first).toMatchObject({
      ok: false,
      problem: { title: "This is already the first step of the agenda." },
    });
  });

  it("pauses with the time left and resumes from it", () => {
    const paused = run(started(), { command: "pause" }, T0 + 100_000);
    expect(paused).toMatchObject({ phase: "paused", endsAt: null, remainingMs: 500_000 });
    expect(remainingAt(paused, T0 + 999_999)).toBe(500_000);
    const resumed = run(paused, { command: "resume" }, T0 + 200_000);
    expect(resumed.endsAt).toBe(new Date(T0 + 700_000).toISOString());
    expect(applyCommand(agenda, resumed, { command: "resume" }, T0).ok).toBe(false);
    expect(applyCommand(agenda, paused, { command: "pause" }, T0).ok).toBe(false);
  });

  it("moving while paused stays paused with the new step's full time", () => {
    const state = run(run(started(), { command: "pause" }), { command: "next" });
    expect(state).toMatchObject({ phase: "paused", remainingMs: 300_000, endsAt: null, stepIndex: 1 });
  });

  it("adds time (and takes it off, never below zero); time added after zero counts from now", () => {
    const more = run(started(), { command: "add_time", seconds: 120 });
    expect(more).toMatchObject({ durationSeconds: 720, endsAt: "2026-11-27T15:42:00.000Z" });
    const late = run(started(), { command: "add_time", seconds: 60 }, T0 + 20 * 60_000);
    expect(late.endsAt).toBe(new Date(T0 + 21 * 60_000).toISOString());
    const less = run(started(), { command: "add_time", seconds: -3600 });
    expect(less.endsAt).toBe(new Date(T0).toISOString());
    const pausedLess = run(run(started(), { command: "pause" }), { command: "add_time", seconds: -3600 });
    expect(pausedLess.remainingMs).toBe(0);
    expect(applyCommand(agenda, started(), { command: "add_time" }, T0)).toMatchObject({
      ok: false,
      problem: { status: 400, field: "seconds" },
    });
  });

  it("jumps to an item and step, refusing ones that don't exist", () => {
    const state = run(started(), { command: "goto", itemIndex: 1 });
    expect(state).toMatchObject({ itemIndex: 1, stepIndex: 0, durationSeconds: 900 });
    expect(applyCommand(agenda, state, { command: "goto", itemIndex: 5 }, T0)).toMatchObject({
      ok: false,
      problem: { field: "itemIndex" },
    });
    expect(applyCommand(agenda, state, { command: "goto", itemIndex: 0, stepIndex: 2 }, T0)).toMatchObject({
      ok: false,
      problem: { field: "stepIndex" },
    });
  });

  it("ends from any phase, and an ended meeting takes no more commands", () => {
    const ended = run(initialState(agenda), { command: "end" });
    expect(ended).toMatchObject({ phase: "ended", endsAt: null, remainingMs: null, version: 1 });
    for (const command of ["start", "next", "resume", "end"] as const)
      expect(applyCommand(agenda, ended, { command }, T0)).toMatchObject({
        ok: false,
        problem: { title: "This meeting has ended." },
      });
  });

  it("refuses to start twice and to run an empty agenda", () => {
    expect(applyCommand(agenda, started(), { command: "start" }, T0).ok).toBe(false);
    expect(applyCommand([], initialState([]), { command: "start" }, T0)).toMatchObject({ ok: false });
  });

  it("names where the meeting went when a command was stale", () => {
    const moved = run(started(), { command: "next" });
    expect(staleProblem(agenda, moved, "Coach Rivera").title).toBe(
      "Coach Rivera already moved the meeting on, to “Warm feedback”.",
    );
    expect(staleProblem(agenda, run(moved, { command: "end" }), null).title).toBe(
      "Someone else already ended the meeting.",
    );
  });
});
