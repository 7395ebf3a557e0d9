import type { BuiltinProtocol } from "./types.ts";

/** Critical friends tune a piece of work against the presenter's own question. About an hour. */
export const tuning: BuiltinProtocol = {
  slug: "tuning",
  definition: {
    name: "Tuning protocol",
    purpose: "feedback_on_work",
    summary:
      "A presenter brings a piece of work and one question about it; colleagues ask, then offer warm and cool feedback while the presenter listens, and the presenter says what they will take away.",
    whenToUse:
      "When someone wants honest, useful feedback on a lesson, unit, assessment or project they are still shaping. Works best when the presenter has a real question they care about.",
    groupSize: { min: 4, max: 12 },
    roles: ["facilitator", "presenter", "timekeeper", "participants"],
    steps: [
      {
        title: "Welcome and norms",
        minutes: 5,
        instructions:
          "The facilitator names the steps and times and reminds everyone of the norms: warm before cool, hard on the content and soft on the people, and the presenter stays quiet while feedback is given.",
        speakers: ["facilitator"],
        prompts: ["Which of our norms matters most for today?"],
        captures: "nothing",
      },
      {
        title: "The presenter shares the work",
        minutes: 15,
        instructions:
          "The presenter explains the context, walks through the work and ends with a focusing question. Everyone else listens and takes notes without interrupting.",
        speakers: ["presenter"],
        silent: ["participants"],
        prompts: [
          "Here is what I was trying to do…",
          "Here is what happened…",
          "The question I would like your help with is…",
        ],
        captures: "nothing",
      },
      {
        title: "Clarifying questions",
        minutes: 5,
        instructions:
          "Short, factual questions the presenter can answer in a sentence or two. Save anything that sounds like advice for later.",
        speakers: ["participants", "presenter"],
        prompts: ["How long did…?", "What did the students have before…?", "Who was the work for?"],
        captures: "clarifying_question",
      },
      {
        title: "Silent writing",
        minutes: 3,
        instructions:
          "Everyone writes down the warm and cool feedback they want to give, keeping the focusing question in mind.",
        silent: ["presenter", "participants"],
        captures: "nothing",
      },
      {
        title: "Warm feedback",
        minutes: 7,
        instructions:
          "What is working in the work, and why. The presenter listens without answering and may take notes.",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: [
          "What struck me as strong was…",
          "I could see students… because…",
          "This speaks to your question because…",
        ],
        captures: "warm_feedback",
        anonymity: "optional",
      },
      {
        title: "Cool feedback",
        minutes: 8,
        instructions:
          "Gaps, doubts and questions to consider, aimed at the focusing question. The presenter still listens without answering.",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: [
          "I wonder what would happen if…",
          "One thing I'm unsure about is…",
          "Have you considered…?",
        ],
        captures: "cool_feedback",
        anonymity: "optional",
      },
      {
        title: "The presenter reflects",
        minutes: 10,
        instructions:
          "The presenter talks about what they heard and what they will do with it. Nobody needs to be answered point by point; the group listens.",
        speakers: ["presenter"],
        silent: ["participants"],
        prompts: ["What I heard that I want to think about is…", "What I will try next is…"],
        captures: "next_step",
      },
      {
        title: "Debrief",
        minutes: 7,
        instructions: "The whole group talks about how the protocol went, not about the work.",
        speakers: ["facilitator", "presenter", "participants"],
        prompts: ["When did the conversation help the most?", "What would we do differently next time?"],
        captures: "note",
      },
    ],
  },
};
