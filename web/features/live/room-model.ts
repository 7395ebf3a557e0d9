import type {
  AnonymityMode,
  CaptureKind,
  ContributionKind,
  ProtocolRole,
} from "../../../shared/protocols/definition.ts";
import type { LiveContribution, LiveParticipant, LiveState } from "../../../shared/schemas/live.ts";
import type { AgendaItem } from "../../../shared/schemas/meetings.ts";

/** One step of the room as the screen shows it: a protocol step, or a whole non-protocol item. */
export interface RoomStep {
  title: string;
  minutes: number;
  instructions: string;
  speakers: readonly ProtocolRole[];
  silent: readonly ProtocolRole[];
  prompts: readonly string[];
  captures: CaptureKind;
  anonymity: AnonymityMode;
}

/** An item's title: protocol runs may leave it empty and go by the protocol's name. */
export function itemTitle(item: AgendaItem): string {
  return item.title || item.protocol?.name || "";
}

/** The steps the server walks for an item (it treats an item without a protocol as one step). */
export function stepsOf(item: AgendaItem): RoomStep[] {
  if (item.protocol) {
    return item.protocol.definition.steps.map((step) => ({
      title: step.title,
      minutes: step.minutes,
      instructions: step.instructions,
      speakers: step.speakers,
      silent: step.silent,
      prompts: step.prompts,
      captures: step.captures,
      anonymity: step.anonymity,
    }));
  }
  return [
    {
      title: itemTitle(item),
      minutes: item.minutes,
      instructions: item.details,
      speakers: [],
      silent: [],
      prompts: [],
      captures: "note",
      anonymity: "named",
    },
  ];
}

export interface Position {
  item: AgendaItem;
  itemIndex: number;
  step: RoomStep;
  stepIndex: number;
  steps: RoomStep[];
}

/** Where the meeting is, or null when the state points outside the agenda (an empty agenda). */
export function positionOf(agenda: readonly AgendaItem[], state: LiveState | null): Position | null {
  if (!state) return null;
  const item = agenda[state.itemIndex];
  if (!item) return null;
  const steps = stepsOf(item);
  const step = steps[state.stepIndex];
  if (!step) return null;
  return { item, itemIndex: state.itemIndex, step, stepIndex: state.stepIndex, steps };
}

/** What someone may add in this step: the kind it captures first, and always a free note. */
export function composeKinds(captures: CaptureKind): ContributionKind[] {
  return captures === "nothing" || captures === "note" ? ["note"] : [captures, "note"];
}

/** Contributions of one step, grouped by kind in the order `kinds` gives (other kinds after). */
export function groupByKind(
  contributions: readonly LiveContribution[],
  agendaItemId: string,
  stepIndex: number,
  kinds: readonly ContributionKind[],
): { kind: ContributionKind; items: LiveContribution[] }[] {
  const ofStep = contributions.filter((c) => c.agendaItemId === agendaItemId && c.stepIndex === stepIndex);
  const order = [...kinds, ...ofStep.map((c) => c.kind).filter((k) => !kinds.includes(k))];
  return [...new Set(order)].map((kind) => ({ kind, items: ofStep.filter((c) => c.kind === kind) }));
}

/**
 * People holding a protocol role right now. "participants" means everyone without another role of the
 * protocol, so a facilitator is not counted as a participant.
 */
export function peopleInRole(
  role: ProtocolRole,
  participants: readonly LiveParticipant[],
): LiveParticipant[] {
  if (role !== "participants") return participants.filter((p) => p.roles.includes(role));
  const special = new Set<string>(["facilitator", "presenter", "timekeeper", "note_taker"]);
  return participants.filter((p) => !p.roles.some((r) => special.has(r)));
}

/** Progress through the agenda: steps done before the current one, out of all steps. */
export function progressOf(agenda: readonly AgendaItem[], state: LiveState | null) {
  const counts = agenda.map((item) => stepsOf(item).length);
  const total = counts.reduce((a, b) => a + b, 0);
  if (!state) return { done: 0, total };
  if (state.phase === "ended") return { done: total, total };
  const before = counts.slice(0, state.itemIndex).reduce((a, b) => a + b, 0);
  return { done: Math.min(total, before + state.stepIndex), total };
}
