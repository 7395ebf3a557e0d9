import type { BuiltinProtocol } from "./types.ts";

/** Looking at data in stages, keeping facts and explanations apart until the end. About an hour. */
export const dataDrivenDialogue: BuiltinProtocol = {
  slug: "data-driven-dialogue",
  definition: {
    name: "Data-driven dialogue",
    purpose: "data",
    summary:
      "The group says what it expects to find, makes the data visible, states only what it observes, then asks why and agrees on next steps.",
    whenToUse:
      "When a team looks at assessment results, attendance or survey data together and wants to avoid jumping to conclusions.",
    groupSize: { min: 3, max: 20 },
    roles: ["facilitator", "timekeeper", "note_taker", "participants"],
    steps: [
      {
        title: "Predict",
        minutes: 10,
        instructions:
          "Before seeing the data, each person says what they expect to find and what assumptions sit behind it.",
        speakers: ["participants"],
        prompts: ["I expect to see…", "I predict… because…", "Some questions I bring are…"],
        captures: "prediction",
      },
      {
        title: "Go visual",
        minutes: 10,
        instructions:
          "Make the data easy to see together: chart it, highlight it, put it on the wall or the shared screen.",
        speakers: ["facilitator", "participants"],
        captures: "nothing",
      },
      {
        title: "Observe",
        minutes: 15,
        instructions:
          "State only facts you can point to in the data. Hold back explanations for now; the facilitator redirects any 'because'.",
        speakers: ["participants"],
        prompts: ["I see that…", "The numbers show…", "I'm surprised to see…"],
        captures: "observation",
      },
      {
        title: "Infer",
        minutes: 15,
        instructions:
          "Now explain: what might be causing what we see? Offer several explanations and say what more data would test them.",
        speakers: ["participants"],
        prompts: [
          "I think this might be because…",
          "Another explanation could be…",
          "To check, we could look at…",
        ],
        captures: "interpretation",
      },
      {
        title: "Next steps",
        minutes: 10,
        instructions: "Agree on what to do, who does it and by when, and what to look at next time.",
        speakers: ["facilitator", "participants"],
        prompts: ["We will…", "By next meeting…", "The data we need next is…"],
        captures: "next_step",
      },
    ],
  },
};
