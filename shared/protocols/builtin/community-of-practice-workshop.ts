import type { BuiltinProtocol } from "./types.ts";

/** A one-hour working session of a community of practice on a single topic. Exactly 60 minutes. */
export const communityOfPracticeWorkshop: BuiltinProtocol = {
  slug: "community-of-practice-workshop",
  definition: {
    name: "Community of practice workshop (60 minutes)",
    purpose: "practice_sharing",
    summary:
      "One topic for the hour (for example, assessment): check in, share celebrations and struggles, look closely at an exemplar, troubleshoot in small groups, and leave with next steps.",
    whenToUse:
      "For a regular meeting of a community of practice where educators bring student work and current challenges on a shared topic.",
    groupSize: { min: 4, max: 30 },
    roles: ["facilitator", "presenter", "timekeeper", "note_taker", "participants"],
    steps: [
      {
        title: "Check-in",
        minutes: 5,
        instructions:
          "Each person says in a sentence how they are arriving and names today's topic in their own words.",
        speakers: ["facilitator", "participants"],
        prompts: ["I'm arriving…", "On today's topic, I'm curious about…"],
        captures: "nothing",
      },
      {
        title: "Celebrations",
        minutes: 8,
        instructions: "Share something that went well on the topic since last time.",
        speakers: ["participants"],
        prompts: ["Something that worked was…", "A student surprised me when…"],
        captures: "celebration",
      },
      {
        title: "Struggles",
        minutes: 7,
        instructions: "Share what is hard right now on the topic. Listen without fixing yet.",
        speakers: ["participants"],
        prompts: ["I'm stuck on…", "Something I haven't figured out is…"],
        captures: "struggle",
        anonymity: "optional",
      },
      {
        title: "Exemplar showcase",
        minutes: 10,
        instructions:
          "One educator shows a piece of strong work or practice on the topic and says what makes it work. The group notes what it sees.",
        speakers: ["presenter"],
        silent: ["participants"],
        prompts: ["What makes this work strong is…", "The students needed…"],
        captures: "observation",
      },
      {
        title: "Troubleshooting in small groups",
        minutes: 15,
        instructions:
          "In groups of three or four, take one of the struggles shared earlier and work on it together, using the exemplar where it helps. Bring back one idea.",
        speakers: ["participants", "presenter"],
        prompts: ["What if you tried…?", "In my class, it helped when…"],
        captures: "note",
      },
      {
        title: "Next steps",
        minutes: 10,
        instructions: "Each person names one concrete thing they will try before the next meeting.",
        speakers: ["participants"],
        prompts: ["Before we meet again, I will…", "I'll bring back…"],
        captures: "next_step",
      },
      {
        title: "Reflection",
        minutes: 5,
        instructions: "How did today's session help? What should the next one focus on?",
        speakers: ["facilitator", "participants"],
        prompts: ["Today helped me…", "Next time I'd like us to…"],
        captures: "note",
      },
    ],
  },
};
