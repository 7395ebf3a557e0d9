import type { BuiltinProtocol } from "./types.ts";

/** A slow, descriptive reading of one piece of student work, with the teacher's view held back. */
export const collaborativeAssessmentConference: BuiltinProtocol = {
  slug: "collaborative-assessment-conference",
  definition: {
    name: "Collaborative assessment conference",
    purpose: "student_work",
    summary:
      "Colleagues read a piece of student work in silence, describe it, raise questions and speculate on what the student was working on before the presenting teacher says anything about it.",
    whenToUse:
      "When a teacher wants to see a student's work with fresh eyes, especially open-ended work such as writing, projects or art, and the group has time for an unhurried reading.",
    groupSize: { min: 4, max: 10 },
    roles: ["facilitator", "presenter", "participants"],
    steps: [
      {
        title: "Read the work in silence",
        minutes: 5,
        instructions: "The presenter hands out the work without any context. Everyone reads it silently.",
        silent: ["presenter", "participants"],
        captures: "nothing",
      },
      {
        title: "Describe the work",
        minutes: 10,
        instructions: "Say what you see, without judging. The presenter listens.",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: ["I notice…", "There are…", "The work begins with…"],
        captures: "observation",
      },
      {
        title: "Raise questions",
        minutes: 10,
        instructions: "What does the work make you wonder about — the student, the task, the context?",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: ["I wonder why…", "What was the student asked to…?"],
        captures: "probing_question",
      },
      {
        title: "What was the student working on?",
        minutes: 10,
        instructions:
          "Speculate about what the student was trying to do, understand or figure out, based on the work.",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: ["I think the student was working on…", "It looks as if the student cared about…"],
        captures: "interpretation",
      },
      {
        title: "The presenter responds",
        minutes: 10,
        instructions:
          "The presenter shares the context, answers any questions they choose, and says what they heard that was new.",
        speakers: ["presenter"],
        silent: ["participants"],
        captures: "note",
      },
      {
        title: "Implications for teaching",
        minutes: 10,
        instructions: "Together, talk about what this means for teaching this student and others.",
        speakers: ["presenter", "participants"],
        prompts: ["Next time I might…", "A way to support this student could be…"],
        captures: "implication",
      },
      {
        title: "Reflect on the conference",
        minutes: 5,
        instructions: "How did the conversation go? What did the presenter find most useful?",
        speakers: ["facilitator", "presenter", "participants"],
        captures: "note",
      },
    ],
  },
};
