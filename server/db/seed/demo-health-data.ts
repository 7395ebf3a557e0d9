/**
 * The answers behind the demo's two community-health self-assessments of Riverside Middle, so a newcomer
 * meets a trend: every attribute a little stronger in the fall than in the spring, and shared personal
 * practice (opening our classrooms) the clear growth area both times.
 */

/** Each attribute's typical answer (1–4) in the spring and in the fall. */
export const ATTRIBUTE_LEVELS: Record<string, { spring: number; fall: number }> = {
  "shared-leadership": { spring: 2.7, fall: 3.0 },
  "shared-vision": { spring: 3.2, fall: 3.4 },
  "collective-learning": { spring: 2.9, fall: 3.2 },
  "shared-practice": { spring: 2.2, fall: 2.5 },
  "supportive-conditions": { spring: 2.8, fall: 3.0 },
};

/** How each respondent leans from the typical answer: some more positive, some less. */
const LEANS = [0.4, -0.5, 0.1, 0.6, -0.3, -0.2];
/** Per statement, so the five statements of an attribute don't read alike. */
const STATEMENT_SHIFTS = [0.3, -0.2, 0, 0.2, -0.3];

/** Respondent r's answer to statement s (0-based) of an attribute at this level: a point from 1 to 4. */
export function demoHealthAnswer(level: number, respondent: number, statement: number): number {
  const raw = level + (LEANS[respondent % LEANS.length] ?? 0) + (STATEMENT_SHIFTS[statement % 5] ?? 0);
  return Math.min(4, Math.max(1, Math.round(raw)));
}

export const DEMO_HEALTH_RESPONDENTS = LEANS.length;

/** A few open answers, in the voice of the people who would write them. */
export const DEMO_OPEN_ANSWERS: Record<string, string[]> = {
  "shared-practice-open": [
    "Cover for each other's classes once a month so we can actually visit.",
    "Start small: ten minutes in a colleague's room with one look-for.",
    "I'd open my room more if visits came with a debrief, not a checklist.",
  ],
  "supportive-conditions-open": [
    "Protect Thursday's team time from duty coverage.",
    "A shared folder for our common assessments that everyone can find.",
  ],
  "collective-learning-open": ["Looking at the unit 3 pre-assessment together changed how I start ratios."],
};
