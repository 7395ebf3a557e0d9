import type { ProtocolDefinitionInput } from "../../../shared/protocols/definition.ts";
import type { Response } from "../../test/app.ts";

/** A small valid protocol a test can vary. */
export const draft = (overrides: Partial<ProtocolDefinitionInput> = {}): ProtocolDefinitionInput => ({
  name: "Quick feedback round",
  purpose: "feedback_on_work",
  summary: "A short round of feedback on a lesson plan.",
  whenToUse: "When there are twenty minutes left.",
  groupSize: { min: 3, max: 8 },
  roles: ["facilitator", "presenter", "participants"],
  steps: [
    { title: "Share", minutes: 5, speakers: ["presenter"], silent: ["participants"], captures: "nothing" },
    {
      title: "Feedback",
      minutes: 10,
      speakers: ["participants"],
      silent: ["presenter"],
      prompts: ["I liked…", "I wonder…"],
      captures: "warm_feedback",
      anonymity: "optional",
    },
  ],
  ...overrides,
});

/** The field paths of a problem+json answer, sorted. */
export const paths = (response: Response): string[] =>
  (response.body.errors as { path: string }[]).map((e) => e.path).sort();
