import {
  questionsOf,
  type SurveyAnswer,
  type SurveyAnswers,
  type SurveyDefinition,
  type SurveyQuestion,
  TEXT_ANSWER_MAX,
} from "./definition.ts";

/*
 * Checks one response's answers against the version it answers. Pure, so the server (which refuses) and the
 * response form (which shows the issue next to the question before sending) agree on every rule. A draft may
 * leave questions unanswered; a submission (`complete`) must answer every question that is not optional.
 */

export type AnswerIssue = { path: string; key: string; message: string };

/** Whether an answer says anything: an empty text or no choice is the same as no answer. */
export function isAnswered(question: SurveyQuestion, answer: SurveyAnswer | undefined): boolean {
  if (!answer) return false;
  if (question.kind === "likert") return answer.value !== undefined;
  if (question.kind === "single_choice" || question.kind === "multiple_choice")
    return (answer.choices?.length ?? 0) > 0;
  return (answer.text?.trim().length ?? 0) > 0;
}

function checkOne(question: SurveyQuestion, answer: SurveyAnswer): { field: string; message: string } | null {
  if (question.kind === "likert") {
    if (answer.choices !== undefined || answer.text !== undefined)
      return { field: "value", message: `Choose a point from 1 to ${question.points}.` };
    const v = answer.value;
    if (v === undefined) return null;
    if (!Number.isInteger(v) || v < 1 || v > question.points)
      return { field: "value", message: `Choose a point from 1 to ${question.points}.` };
    return null;
  }
  if (question.kind === "single_choice" || question.kind === "multiple_choice") {
    if (answer.value !== undefined || answer.text !== undefined)
      return { field: "choices", message: "Choose among the options offered." };
    const choices = answer.choices ?? [];
    const offered = new Set(question.options.map((o) => o.key));
    if (choices.some((c) => !offered.has(c)))
      return { field: "choices", message: "Choose among the options offered." };
    if (new Set(choices).size !== choices.length)
      return { field: "choices", message: "Choose each option at most once." };
    if (question.kind === "single_choice" && choices.length > 1)
      return { field: "choices", message: "Choose one option." };
    return null;
  }
  if (answer.value !== undefined || answer.choices !== undefined)
    return { field: "text", message: "Answer in words." };
  const max = TEXT_ANSWER_MAX[question.kind];
  if ((answer.text ?? "").trim().length > max)
    return { field: "text", message: `Keep the answer to ${max} characters.` };
  return null;
}

/** Every problem with these answers, in the order of the questions (unknown keys last). */
export function checkAnswers(
  definition: SurveyDefinition,
  answers: SurveyAnswers,
  options: { complete: boolean },
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const known = new Set<string>();
  for (const { question } of questionsOf(definition)) {
    known.add(question.key);
    const answer = answers[question.key];
    const problem = answer ? checkOne(question, answer) : null;
    if (problem) {
      issues.push({
        key: question.key,
        path: `answers.${question.key}.${problem.field}`,
        message: problem.message,
      });
    } else if (options.complete && !question.optional && !isAnswered(question, answer)) {
      issues.push({ key: question.key, path: `answers.${question.key}`, message: "Answer this question." });
    }
  }
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      issues.push({ key, path: `answers.${key}`, message: "This survey has no such question." });
  }
  return issues;
}

/** The answers worth keeping: unanswered questions dropped, texts trimmed. Run after checkAnswers. */
export function cleanAnswers(definition: SurveyDefinition, answers: SurveyAnswers): SurveyAnswers {
  const clean: SurveyAnswers = {};
  for (const { question } of questionsOf(definition)) {
    const answer = answers[question.key];
    if (!isAnswered(question, answer) || !answer) continue;
    if (question.kind === "likert") clean[question.key] = { value: answer.value as number };
    else if (question.kind === "short_text" || question.kind === "long_text")
      clean[question.key] = { text: (answer.text ?? "").trim() };
    else clean[question.key] = { choices: answer.choices ?? [] };
  }
  return clean;
}

/** The question a key names, with its number in the survey (1-based), for messages. */
export function questionByKey(definition: SurveyDefinition, key: string) {
  const all = questionsOf(definition);
  const index = all.findIndex((q) => q.question.key === key);
  const found = all[index];
  return found ? { ...found, number: index + 1 } : null;
}
