import type { AnonymityMode, CaptureKind } from "../../shared/protocols/definition.ts";
import type { LiveCommandName, LiveProblem, LiveState } from "../../shared/schemas/live.ts";

/**
 * The live room's state machine, pure: given the agenda, a state, a command and the clock, the next
 * state or the reason it is refused. The server applies it, persists the result, then broadcasts.
 *
 * Phases: not_started → running ⇄ paused → ended. `next`/`back` walk the steps of a protocol item, then
 * on to the next item; an item without a protocol is one step lasting the item's minutes. The countdown
 * is absolute while running (endsAt, so every screen counts to the same instant) and a remainder
 * while paused or not started.
 */

export type RoomStep = {
  title: string;
  minutes: number;
  captures: CaptureKind;
  anonymity: AnonymityMode;
};
export type RoomItem = { id: string; title: string; steps: RoomStep[] };
export type Agenda = RoomItem[];

export type Command = {
  command: LiveCommandName;
  seconds?: number | undefined;
  itemIndex?: number | undefined;
  stepIndex?: number | undefined;
};

export type Outcome = { ok: true; state: LiveState } | { ok: false; problem: LiveProblem };

/** The step the state points at, or null for an empty agenda or a stale index. */
export function currentStep(agenda: Agenda, state: Pick<LiveState, "itemIndex" | "stepIndex">) {
  return agenda[state.itemIndex]?.steps[state.stepIndex] ?? null;
}

/** The state of a room nobody has started: the first step, its full time on the clock. */
export function initialState(agenda: Agenda): LiveState {
  const seconds = stepSeconds(agenda, 0, 0);
  return {
    version: 0,
    phase: "not_started",
    itemIndex: 0,
    stepIndex: 0,
    durationSeconds: seconds,
    endsAt: null,
    remainingMs: seconds * 1000,
  };
}

/** Milliseconds left on the countdown at `now` (never negative). */
export function remainingAt(state: LiveState, now: number): number {
  if (state.endsAt) return Math.max(0, Date.parse(state.endsAt) - now);
  return Math.max(0, state.remainingMs ?? 0);
}

/** Applies a command (version checks are the caller's); refuses what makes no sense in this state. */
export function applyCommand(agenda: Agenda, state: LiveState, cmd: Command, now: number): Outcome {
  if (state.phase === "ended") return refuse(409, "This meeting has ended.");
  if (agenda.length === 0) return refuse(409, "This meeting has no agenda items to run.");
  const bumped = { ...state, version: state.version + 1 };
  switch (cmd.command) {
    case "start":
      if (state.phase !== "not_started") return refuse(409, "The meeting has already started.");
      return done({
        ...bumped,
        phase: "running",
        endsAt: iso(now + remainingAt(state, now)),
        remainingMs: null,
      });
    case "pause":
      if (state.phase !== "running") return refuse(409, "The countdown is not running.");
      return done({ ...bumped, phase: "paused", endsAt: null, remainingMs: remainingAt(state, now) });
    case "resume":
      if (state.phase !== "paused") return refuse(409, "The countdown is not paused.");
      return done({
        ...bumped,
        phase: "running",
        endsAt: iso(now + remainingAt(state, now)),
        remainingMs: null,
      });
    case "add_time":
      return addTime(bumped, cmd.seconds, now);
    case "next":
    case "back":
      return step(agenda, bumped, cmd.command === "next" ? 1 : -1, now);
    case "goto":
      return goTo(agenda, bumped, cmd, now);
    case "end":
      return done({ ...bumped, phase: "ended", endsAt: null, remainingMs: null });
  }
}

function addTime(state: LiveState, seconds: number | undefined, now: number): Outcome {
  if (seconds === undefined || seconds === 0) return refuse(400, "Say how many seconds to add.", "seconds");
  const durationSeconds = Math.max(0, state.durationSeconds + seconds);
  if (state.phase === "running") {
    // Time added to a countdown that already ran out counts from now, not from when it hit zero.
    const base = Math.max(now, Date.parse(state.endsAt ?? iso(now)));
    return done({ ...state, durationSeconds, endsAt: iso(Math.max(now, base + seconds * 1000)) });
  }
  return done({
    ...state,
    durationSeconds,
    remainingMs: Math.max(0, remainingAt(state, now) + seconds * 1000),
  });
}

function step(agenda: Agenda, state: LiveState, direction: 1 | -1, now: number): Outcome {
  let { itemIndex, stepIndex } = state;
  stepIndex += direction;
  if (stepIndex >= (agenda[itemIndex]?.steps.length ?? 0)) {
    itemIndex += 1;
    stepIndex = 0;
  } else if (stepIndex < 0) {
    itemIndex -= 1;
    stepIndex = (agenda[itemIndex]?.steps.length ?? 1) - 1;
  }
  if (itemIndex >= agenda.length)
    return refuse(409, "This is the last step of the agenda. End the meeting to finish.");
  if (itemIndex < 0) return refuse(409, "This is already the first step of the agenda.");
  return done(moveTo(agenda, state, itemIndex, stepIndex, now));
}

function goTo(agenda: Agenda, state: LiveState, cmd: Command, now: number): Outcome {
  const itemIndex = cmd.itemIndex ?? state.itemIndex;
  const item = agenda[itemIndex];
  if (!item) return refuse(400, "Choose an item of this meeting's agenda.", "itemIndex");
  const stepIndex = cmd.stepIndex ?? 0;
  if (stepIndex >= item.steps.length)
    return refuse(400, `“${item.title}” has ${item.steps.length} step(s); choose one of them.`, "stepIndex");
  return done(moveTo(agenda, state, itemIndex, stepIndex, now));
}

/** A new step starts with its full time; a running countdown keeps running, a paused one stays paused. */
function moveTo(agenda: Agenda, state: LiveState, itemIndex: number, stepIndex: number, now: number) {
  const seconds = stepSeconds(agenda, itemIndex, stepIndex);
  const running = state.phase === "running";
  return {
    ...state,
    itemIndex,
    stepIndex,
    durationSeconds: seconds,
    endsAt: running ? iso(now + seconds * 1000) : null,
    remainingMs: running ? null : seconds * 1000,
  };
}

function stepSeconds(agenda: Agenda, itemIndex: number, stepIndex: number): number {
  return (agenda[itemIndex]?.steps[stepIndex]?.minutes ?? 0) * 60;
}

const iso = (ms: number) => new Date(ms).toISOString();
const done = (state: LiveState): Outcome => ({ ok: true, state });

function refuse(status: number, title: string, field?: string): Outcome {
  return { ok: false, problem: field ? { status, title, field } : { status, title } };
}

/** Why a command issued against an older version is refused, naming where the meeting is now. */
export function staleProblem(agenda: Agenda, state: LiveState, by: string | null): LiveProblem {
  const who = by ?? "Someone else";
  if (state.phase === "ended") return { status: 409, title: `${who} already ended the meeting.` };
  const where = currentStep(agenda, state)?.title ?? "another step";
  return {
    status: 409,
    title: `${who} already moved the meeting on, to “${where}”.`,
    detail: "Your screen now shows where the meeting is; try again from there if you still need to.",
  };
}
