import type { BuiltinProtocol } from "./types.ts";

/** The consultancy cut down to twenty minutes, for the end of a team meeting. */
export const consultancy20: BuiltinProtocol = {
  slug: "consultancy-20",
  definition: {
    name: "Consultancy in 20 minutes",
    purpose: "dilemma",
    summary:
      "A short consultancy: the presenter frames a dilemma, the group asks a few questions and talks it over while the presenter listens, and the presenter responds.",
    whenToUse:
      "When a team has twenty minutes at the end of a meeting and one person has a small, concrete dilemma.",
    groupSize: { min: 3, max: 8 },
    roles: ["facilitator", "presenter", "participants"],
    steps: [
      {
        title: "The presenter frames the dilemma",
        minutes: 5,
        instructions: "The situation, what has been tried, and one question for the group.",
        speakers: ["presenter"],
        silent: ["participants"],
        prompts: ["The situation is…", "My question for you is…"],
        captures: "nothing",
      },
      {
        title: "Clarifying questions",
        minutes: 3,
        instructions: "Only questions of fact, answered briefly.",
        speakers: ["participants", "presenter"],
        captures: "clarifying_question",
      },
      {
        title: "The group discusses the dilemma",
        minutes: 9,
        instructions:
          "The group talks the dilemma over — probing questions, possibilities — while the presenter listens silently and takes notes.",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: ["I wonder whether…", "What if…?", "One possibility might be…"],
        captures: "interpretation",
      },
      {
        title: "The presenter responds",
        minutes: 3,
        instructions: "What the presenter will take away and try.",
        speakers: ["presenter"],
        silent: ["participants"],
        prompts: ["What I will try is…"],
        captures: "next_step",
      },
    ],
  },
};
