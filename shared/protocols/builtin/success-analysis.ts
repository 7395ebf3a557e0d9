import type { ProtocolStep } from "../definition.ts";
import type { BuiltinProtocol } from "./types.ts";

type StepInput = Partial<ProtocolStep> & { title: string; minutes: number };

// A group of four takes turns: each person shares a success, then the group asks what made it work.
const round = (n: number): StepInput[] => [
  {
    title: `Success ${n}: share it`,
    minutes: 4,
    instructions: "One person tells the story of their success. The others listen.",
    speakers: ["presenter"],
    silent: ["participants"],
    captures: "celebration",
  },
  {
    title: `Success ${n}: what made it work?`,
    minutes: 4,
    instructions:
      "The group asks questions and names what made this success different from everyday practice.",
    speakers: ["participants", "presenter"],
    prompts: ["What did you do differently this time?", "What made this possible?"],
    captures: "interpretation",
  },
];

/** Learning from what went well: each person's success is examined for what made it work. */
export const successAnalysis: BuiltinProtocol = {
  slug: "success-analysis",
  definition: {
    name: "Success analysis",
    purpose: "success",
    summary:
      "Each person writes about a success, shares it, and the group works out what made it different; then everyone draws out what to carry into their practice.",
    whenToUse:
      "When a group wants to learn from what is going well, at the start of a year, or after a hard stretch when people need to notice their own skill. Best in groups of about four.",
    groupSize: { min: 3, max: 5 },
    roles: ["facilitator", "presenter", "timekeeper", "participants"],
    steps: [
      {
        title: "Write about a success",
        minutes: 5,
        instructions:
          "Each person writes about one success from their practice: what happened and why they think it worked. The person sharing in each round takes the presenter's role.",
        silent: ["presenter", "participants"],
        prompts: ["A time when my teaching really worked was…"],
        captures: "nothing",
      },
      ...round(1),
      ...round(2),
      ...round(3),
      ...round(4),
      {
        title: "Implications",
        minutes: 10,
        instructions: "What do these successes have in common, and what could each of us do more often?",
        speakers: ["facilitator", "participants"],
        prompts: ["Across our stories I notice…", "I want to do more of…"],
        captures: "implication",
      },
      {
        title: "Debrief",
        minutes: 5,
        instructions: "How did it feel to look at success together? What would we change?",
        speakers: ["facilitator", "participants"],
        captures: "note",
      },
    ],
  },
};
