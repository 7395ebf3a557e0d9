import { z } from "zod";
import type { LocalizedText } from "../surveys/definition.ts";
import { MAX_REFLECTION_TEXT } from "./standard.ts";

/**
 * What a team asks itself after a meeting (beside the meeting's decisions and action items) and after an
 * improvement cycle. Keys are stable: saved answers go by them.
 */

export type TeamPrompt = { key: string; text: LocalizedText; hint: LocalizedText };

const p = (key: string, en: string, hint: string): TeamPrompt => ({ key, text: { en }, hint: { en: hint } });

export const meetingPrompts: TeamPrompt[] = [
  p("went-well", "What went well in this meeting?", "What helped us think, talk and decide well."),
  p(
    "change",
    "What would we change next time?",
    "The agenda, the protocol, the time, who spoke and who did not.",
  ),
  p("norms", "How well did we keep our norms?", "Name a norm we kept and one we struggled with."),
  p(
    "decided",
    "What did we decide, and what will we do?",
    "The decisions and action items are shown beside; say what they mean for our classrooms.",
  ),
];

export const cyclePrompts: TeamPrompt[] = [
  p(
    "evidence",
    "What does the evidence say?",
    "What changed in our students' work or results, and how sure are we?",
  ),
  p(
    "learned",
    "What did we learn about our students and our teaching?",
    "Something that surprised us, and something we now do differently.",
  ),
  p(
    "decision",
    "Adopt, adapt or abandon — and why?",
    "Whether we keep the strategy as it is, change it, or stop it, and the reasons.",
  ),
  p("next", "What's next?", "The next question we want to work on, and the first step."),
];

export const promptsOf = (kind: "meeting" | "cycle") => (kind === "meeting" ? meetingPrompts : cyclePrompts);

const promptContentSchema = (prompts: TeamPrompt[]) =>
  z.strictObject(
    {
      answers: z
        .strictObject(
          Object.fromEntries(
            prompts.map((prompt) => [
              prompt.key,
              z
                .string({ message: "Write your answer as text." })
                .trim()
                .max(MAX_REFLECTION_TEXT, { message: `Keep this under ${MAX_REFLECTION_TEXT} characters.` })
                .optional(),
            ]),
          ),
          { error: "Answer only this reflection's prompts." },
        )
        .default({}),
    },
    { error: "A team reflection holds only its answers." },
  );

export const meetingContentSchema = promptContentSchema(meetingPrompts);
export const cycleContentSchema = promptContentSchema(cyclePrompts);
export type PromptContent = { answers: Record<string, string | undefined> };
