import { z } from "zod";
import type { LocalizedText } from "../surveys/definition.ts";

/**
 * The team's reflection on the learning-communities standard, in our own words: its three elements, each
 * with guiding questions the team answers together in writing, where the team stands on a four-level
 * scale, and the next steps it names. Element and question keys are stable: saved content and the ratings
 * trend go by them, so reword a question freely but never reuse a key for a different question.
 */

export type StandardQuestion = { key: string; text: LocalizedText };
export type StandardLevel = { value: 1 | 2 | 3 | 4; label: LocalizedText; description: LocalizedText };
export type StandardElement = {
  key: string;
  title: LocalizedText;
  description: LocalizedText;
  questions: StandardQuestion[];
  levels: StandardLevel[];
};

const q = (key: string, en: string): StandardQuestion => ({ key, text: { en } });
const levels = (beginning: string, developing: string, established: string, leading: string) =>
  (
    [
      [1, "Beginning", beginning],
      [2, "Developing", developing],
      [3, "Established", established],
      [4, "Leading", leading],
    ] as const
  ).map(([value, label, description]) => ({ value, label: { en: label }, description: { en: description } }));

export const standardElements: StandardElement[] = [
  {
    key: "continuous-improvement",
    title: { en: "Continuous improvement" },
    description: {
      en: "We use evidence to find what our students and we need to learn, set shared goals, try strategies, look at the results and refine.",
    },
    questions: [
      q(
        "evidence",
        "Which evidence about our students' learning did we look at together this term, and what did it tell us?",
      ),
      q("needs", "What do we, the adults, need to learn so that our students learn more? How do we know?"),
      q("goals", "Which shared goals are we working toward, and how will we know we have reached them?"),
      q(
        "strategies",
        "Which strategies did we try, how did we check whether they worked, and what did we change as a result?",
      ),
    ],
    levels: levels(
      "We seldom look at student evidence together; goals and strategies are mostly individual.",
      "We look at evidence now and then and have a shared goal, but we rarely check whether what we try works.",
      "We regularly use evidence to set shared goals, try strategies together and adjust them based on results.",
      "Evidence, goals and inquiry cycles drive all our work, and we help other teams improve the same way.",
    ),
  },
  {
    key: "collective-responsibility",
    title: { en: "Collective responsibility" },
    description: {
      en: "We share responsibility for every student, give each other feedback, open our classrooms to each other and work with families and partners.",
    },
    questions: [
      q(
        "every-student",
        "How do we show that every student in our grade or subject is all of ours, not only the students on our own roster?",
      ),
      q(
        "feedback",
        "How often do we give each other feedback on our teaching, and how do we make it useful and safe?",
      ),
      q(
        "visits",
        "When did we last observe each other's classrooms or look at each other's student work, and what came of it?",
      ),
      q("beyond", "How do we learn with colleagues beyond our team or school, including online?"),
      q("families", "How do we involve families and the community as partners in our students' learning?"),
    ],
    levels: levels(
      "Each of us is responsible for our own students; we rarely share practice or feedback.",
      "We talk about students across classes and share some practice, but visits and feedback are occasional.",
      "We plan for all our students together, visit each other's classrooms and exchange feedback regularly.",
      "Shared responsibility is how we work: open practice, honest feedback and families as partners are routine.",
    ),
  },
  {
    key: "alignment-accountability",
    title: { en: "Alignment and accountability" },
    description: {
      en: "Our goals connect to the school's, the district's and the state's, and time, policies and resources support our learning; we hold ourselves accountable for results.",
    },
    questions: [
      q("goals-align", "How do our team's goals connect to our school's and district's improvement goals?"),
      q("support", "What time, policies and resources support our learning, and what gets in its way?"),
      q(
        "accountable",
        "How do we hold ourselves accountable for what we agreed to do, and who do we report our progress to?",
      ),
    ],
    levels: levels(
      "Our goals stand on their own; we are unsure how they connect to the school's or who supports them.",
      "We can name how our goals relate to the school's, but time and resources seldom follow.",
      "Our goals align with school and district goals, leaders support them, and we report on our progress.",
      "Alignment and accountability are shared: we shape the school's goals and leaders act on what we learn.",
    ),
  },
];

export const standardElementKeys = standardElements.map((e) => e.key);
export const ratingValues = [1, 2, 3, 4] as const;
export const MAX_REFLECTION_TEXT = 5000;

const answerText = z
  .string({ message: "Write your answer as text." })
  .trim()
  .max(MAX_REFLECTION_TEXT, { message: `Keep this under ${MAX_REFLECTION_TEXT} characters.` });

const elementContentSchema = (element: StandardElement) =>
  z.strictObject(
    {
      answers: z
        .strictObject(
          Object.fromEntries(element.questions.map((question) => [question.key, answerText.optional()])),
          { error: "Answer only the guiding questions of this element." },
        )
        .default({}),
      rating: z
        .number({ message: "Choose a level from 1 to 4." })
        .int({ message: "Choose a level from 1 to 4." })
        .min(1, { message: "Choose a level from 1 to 4." })
        .max(4, { message: "Choose a level from 1 to 4." })
        .nullable()
        .optional(),
      nextSteps: answerText.default(""),
    },
    { error: "Only answers, a rating and next steps are kept for an element." },
  );

/** What a standard reflection holds: per element, answers by question key, a rating 1–4, next steps. */
export const standardContentSchema = z.strictObject(
  {
    elements: z
      .strictObject(
        Object.fromEntries(standardElements.map((e) => [e.key, elementContentSchema(e).optional()])),
        { error: "Reflect only on the standard's three elements." },
      )
      .default({}),
  },
  { error: "A standard reflection holds only its elements." },
);

export type StandardElementContent = {
  answers: Record<string, string | undefined>;
  rating?: number | null;
  nextSteps: string;
};
export type StandardContent = { elements: Record<string, StandardElementContent | undefined> };

/** The term a reflection is titled by, from a calendar date: "Autumn 2026", "Spring 2027", "Summer 2027". */
export function termOf(isoDate: string): string {
  const [year, month] = isoDate.split("-").map(Number) as [number, number];
  if (month >= 8) return `Autumn ${year}`;
  if (month <= 5) return `Spring ${year}`;
  return `Summer ${year}`;
}
