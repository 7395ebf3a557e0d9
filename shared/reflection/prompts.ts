/*
 * Prompts a teacher may start a journal entry from, in our own words. An entry keeps the prompt's key,
 * so the words can be reworded or translated later without touching what people wrote. The English
 * text here is the reference (docs, the API); the web catalogue holds the words people see.
 */
export const journalPrompts = [
  { key: "learned-this-week", text: "What did I learn this week?" },
  { key: "try-in-classroom", text: "What will I try in my classroom?" },
  { key: "show-students", text: "How will I show my students how I learn?" },
  { key: "after-meeting", text: "What did I take away from our meeting, and what will I do with it?" },
  { key: "after-visit", text: "What did I notice in a colleague's classroom that I want to remember?" },
  { key: "struggle", text: "What is hard for me right now, and who could help me with it?" },
  { key: "student-work", text: "What did my students' work tell me about my teaching?" },
] as const;

export type JournalPromptKey = (typeof journalPrompts)[number]["key"];
export const journalPromptKeys = journalPrompts.map((p) => p.key) as [
  JournalPromptKey,
  ...JournalPromptKey[],
];

export const promptText = (key: string | null): string | null =>
  journalPrompts.find((p) => p.key === key)?.text ?? null;
