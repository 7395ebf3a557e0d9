import type { BuiltinProtocol } from "./types.ts";

/** Colleagues help one person think through a dilemma they own. About 50 minutes. */
export const consultancy: BuiltinProtocol = {
  slug: "consultancy",
  definition: {
    name: "Consultancy",
    purpose: "dilemma",
    summary:
      "A presenter describes a dilemma and a question about it; the group asks questions, then talks the dilemma over while the presenter listens, and the presenter responds.",
    whenToUse:
      "When someone is stuck on a problem of practice they can act on themselves — a class, a colleague, a plan that isn't working — and wants fresh ways of seeing it rather than answers.",
    groupSize: { min: 4, max: 10 },
    roles: ["facilitator", "presenter", "timekeeper", "participants"],
    steps: [
      {
        title: "The presenter frames the dilemma",
        minutes: 10,
        instructions:
          "The presenter describes the situation, what they have tried, and ends with one question for the group. Everyone else listens.",
        speakers: ["presenter"],
        silent: ["participants"],
        prompts: ["The situation is…", "What I have tried so far is…", "My question for you is…"],
        captures: "nothing",
      },
      {
        title: "Clarifying questions",
        minutes: 5,
        instructions: "Quick, factual questions that help the group understand the situation.",
        speakers: ["participants", "presenter"],
        prompts: ["How many…?", "When did this start?", "Who else is involved?"],
        captures: "clarifying_question",
      },
      {
        title: "Probing questions",
        minutes: 10,
        instructions:
          "Open questions that help the presenter think more deeply. The presenter may answer or simply say they will think about it.",
        speakers: ["participants", "presenter"],
        prompts: [
          "What would have to change for…?",
          "What do you think would happen if…?",
          "What is your hunch about why…?",
          "What does success look like here?",
        ],
        captures: "probing_question",
      },
      {
        title: "The group discusses the dilemma",
        minutes: 15,
        instructions:
          "The group talks to each other about the dilemma, as if the presenter were not in the room. The presenter stays silent and takes notes.",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: [
          "What I heard is…",
          "What we didn't hear about is…",
          "A question this raises for me is…",
          "One possibility might be…",
        ],
        captures: "interpretation",
      },
      {
        title: "The presenter responds",
        minutes: 5,
        instructions: "The presenter shares what struck them and what they might do next. The group listens.",
        speakers: ["presenter"],
        silent: ["participants"],
        prompts: ["What I am taking away is…", "My next step will be…"],
        captures: "next_step",
      },
      {
        title: "Debrief",
        minutes: 5,
        instructions: "Talk about the process: what helped the presenter, what to do differently next time.",
        speakers: ["facilitator", "presenter", "participants"],
        prompts: ["Which questions opened up the most thinking?"],
        captures: "note",
      },
    ],
  },
};
