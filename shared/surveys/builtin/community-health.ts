import type { SurveyDefinition, SurveySection } from "../definition.ts";

/**
 * The community-health self-assessment: the five attributes of a professional learning community, each
 * with five statements on a four-point agreement scale and one open question. Written in our own words
 * (the best-known instrument's items are copyrighted). Section keys are the attributes: results, trends
 * and "make this a goal" go by them. A mean of 3.0 or more reads as agreement.
 */

const attribute = (
  key: string,
  title: string,
  description: string,
  statements: string[],
  open: string,
): SurveySection => ({
  key,
  title: { en: title },
  description: { en: description },
  questions: [
    ...statements.map((text, i) => ({
      key: `${key}-${i + 1}`,
      kind: "likert" as const,
      points: 4 as const,
      text: { en: text },
      optional: false,
    })),
    { key: `${key}-open`, kind: "long_text" as const, text: { en: open }, optional: true },
  ],
});

export const communityHealthSections = [
  attribute(
    "shared-leadership",
    "Supportive and shared leadership",
    "How decisions are made and who gets to lead.",
    [
      "Teachers in our community help decide what we work on and how.",
      "Our leaders ask for our ideas before making decisions that affect our teaching.",
      "Leading a meeting or a project is something any of us can take on, not only people with a title.",
      "Our leaders share what they know about budgets, schedules and plans so we can decide well.",
      "When someone takes the lead on an idea, the rest of us and our leaders back them.",
    ],
    "What would help leadership be shared more widely in our community?",
  ),
  attribute(
    "shared-vision",
    "Shared values and vision",
    "What we believe about learning and where we are heading together.",
    [
      "We agree on what we want our students to learn and be able to do.",
      "Our decisions about teaching come back to what is best for students' learning.",
      "I could explain our community's vision to a new colleague in my own words.",
      "We helped write the goals we are working toward.",
      "We hold high expectations for every student, and our work shows it.",
    ],
    "Where do our values and our day-to-day practice not yet match?",
  ),
  attribute(
    "collective-learning",
    "Collective learning and application",
    "How we learn together and use it in our classrooms.",
    [
      "We meet regularly to learn together about teaching and students' learning.",
      "We look at student work and data together to decide what to do next.",
      "What we learn together changes what happens in our classrooms.",
      "We try new approaches together and look honestly at whether they worked.",
      "Our conversations push our thinking, not only confirm it.",
    ],
    "What have we learned together this term that changed your teaching?",
  ),
  attribute(
    "shared-practice",
    "Shared personal practice",
    "How open our classrooms and our work are to each other.",
    [
      "Colleagues visit my classroom and I visit theirs to learn, not to judge.",
      "I get useful feedback on my teaching from my peers.",
      "We share lessons, materials and student work freely with each other.",
      "I feel comfortable showing colleagues a lesson that did not go well.",
      "We coach and support each other as we try something new.",
    ],
    "What would make it easier to open our practice to each other?",
  ),
  attribute(
    "supportive-conditions",
    "Supportive conditions",
    "The relationships and the structures — time, place, resources — that let us work together.",
    [
      "We trust and respect each other, including when we disagree.",
      "We take time to notice and celebrate what we achieve together.",
      "Our schedule gives us regular time to meet and work together.",
      "We have the materials, data and support we need for our work together.",
      "We have ways to talk about hard questions without it becoming personal.",
    ],
    "What one change in time, space or resources would help us most?",
  ),
];

export const communityHealthSurvey: SurveyDefinition = {
  title: { en: "Community health self-assessment" },
  introduction: {
    en: "Twenty-five statements about how our community works, in five parts, and an open question after each part. Answer from your own experience; there are no right answers. It takes about ten minutes.",
  },
  sections: communityHealthSections,
};

/** At or above this mean, a statement or attribute reads as agreement; below it, a growth area. */
export const AGREEMENT_THRESHOLD = 3;
