import type { BuiltinProtocol } from "./types.ts";

/** Reading one student's work closely: describe, interpret, then ask what it means for teaching. */
export const lookingAtStudentWork: BuiltinProtocol = {
  slug: "looking-at-student-work",
  definition: {
    name: "Looking at student work",
    purpose: "student_work",
    summary:
      "The group describes what it sees in a piece of student work, interprets what the student understands, and draws out what that means for teaching. The presenter listens until near the end.",
    whenToUse:
      "When a team wants to see student thinking more clearly and learn from it together. Use it once the group trusts each other: the presenter hears colleagues discuss their students' work without answering.",
    groupSize: { min: 4, max: 10 },
    roles: ["facilitator", "presenter", "timekeeper", "participants"],
    steps: [
      {
        title: "Getting started",
        minutes: 5,
        instructions:
          "The presenter gives only the context the group needs to read the work (the task, the grade), without saying what they think of it. Everyone reads the work in silence.",
        speakers: ["presenter"],
        silent: ["participants"],
        captures: "nothing",
      },
      {
        title: "Describe the work",
        minutes: 10,
        instructions:
          "Say only what you can see or point to, without judging it. If a comment slips into judgement, the facilitator asks for the evidence.",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: ["I see…", "I notice that…", "The student wrote…"],
        captures: "observation",
      },
      {
        title: "Interpret the student's thinking",
        minutes: 15,
        instructions:
          "What might the student be thinking, understanding or trying to do? Offer more than one reading and connect each to the evidence.",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: [
          "Perhaps the student is thinking…",
          "This could suggest that…",
          "The student seems to understand… because…",
        ],
        captures: "interpretation",
      },
      {
        title: "Implications for teaching",
        minutes: 15,
        instructions:
          "What does this work suggest for our teaching — for this student, this class, and our own practice?",
        speakers: ["participants"],
        silent: ["presenter"],
        prompts: ["This makes me think we could…", "In my own classroom I might…"],
        captures: "implication",
      },
      {
        title: "The presenter reflects",
        minutes: 10,
        instructions:
          "The presenter says what they heard that surprised them or confirmed something, and what they might do next.",
        speakers: ["presenter"],
        silent: ["participants"],
        prompts: ["What surprised me was…", "What I want to try is…"],
        captures: "next_step",
      },
      {
        title: "Debrief",
        minutes: 5,
        instructions: "Talk about how the protocol worked for the group and the presenter.",
        speakers: ["facilitator", "presenter", "participants"],
        captures: "note",
      },
    ],
  },
};
