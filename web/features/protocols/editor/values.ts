import type {
  AnonymityMode,
  CaptureKind,
  ProtocolDefinition,
  ProtocolDefinitionInput,
  ProtocolPurpose,
  ProtocolRole,
} from "../../../../shared/protocols/definition.ts";

/** A row in an editable list: a stable key (React identity, focus) and its text. */
export type Keyed = { key: string; text: string };

/** One step as the editor holds it: numbers stay the text typed until the form is sent. */
export type StepDraft = {
  key: string;
  title: string;
  minutes: string;
  instructions: string;
  speakers: ProtocolRole[];
  silent: ProtocolRole[];
  prompts: Keyed[];
  captures: CaptureKind;
  anonymity: AnonymityMode;
};

export type EditorValues = {
  name: string;
  purpose: ProtocolPurpose;
  summary: string;
  whenToUse: string;
  groupMin: string;
  groupMax: string;
  roles: ProtocolRole[];
  steps: StepDraft[];
};

let next = 0;
export const newKey = (prefix: string) => `${prefix}-${next++}`;
export const keyed = (text: string): Keyed => ({ key: newKey("prompt"), text });

export const blankStep = (title: string): StepDraft => ({
  key: newKey("step"),
  title,
  minutes: "5",
  instructions: "",
  speakers: [],
  silent: [],
  prompts: [],
  captures: "nothing",
  anonymity: "named",
});

export const blankValues = (firstStepTitle: string): EditorValues => ({
  name: "",
  purpose: "feedback_on_work",
  summary: "",
  whenToUse: "",
  groupMin: "3",
  groupMax: "12",
  roles: ["facilitator", "participants"],
  steps: [blankStep(firstStepTitle)],
});

export function fromDefinition(d: ProtocolDefinition): EditorValues {
  return {
    name: d.name,
    purpose: d.purpose,
    summary: d.summary,
    whenToUse: d.whenToUse,
    groupMin: String(d.groupSize.min),
    groupMax: String(d.groupSize.max),
    roles: d.roles,
    steps: d.steps.map((s) => ({
      key: newKey("step"),
      title: s.title,
      minutes: String(s.minutes),
      instructions: s.instructions,
      speakers: s.speakers,
      silent: s.silent,
      prompts: s.prompts.map(keyed),
      captures: s.captures,
      anonymity: s.anonymity,
    })),
  };
}

/** "12" → 12; anything else (empty, "1.5", "ten") → a value the shared schema refuses with a clear message. */
export const toNumber = (text: string): number =>
  /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;

/** The definition the API takes, exactly as typed: the shared schema then judges it. */
export function toInput(v: EditorValues): ProtocolDefinitionInput {
  return {
    name: v.name,
    purpose: v.purpose,
    summary: v.summary,
    whenToUse: v.whenToUse,
    groupSize: { min: toNumber(v.groupMin), max: toNumber(v.groupMax) },
    roles: v.roles,
    steps: v.steps.map((s) => ({
      title: s.title,
      minutes: toNumber(s.minutes),
      instructions: s.instructions,
      speakers: s.speakers,
      silent: s.silent,
      prompts: s.prompts.map((p) => p.text),
      captures: s.captures,
      anonymity: s.captures === "nothing" ? "named" : s.anonymity,
    })),
  };
}

/** The running total: whole minutes typed so far (others count as 0 until fixed). */
export const runningTotal = (steps: StepDraft[]): number =>
  steps.reduce((sum, s) => {
    const n = toNumber(s.minutes);
    return Number.isInteger(n) && n > 0 ? sum + n : sum;
  }, 0);
