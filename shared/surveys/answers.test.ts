import { describe, expect, it } from "vitest";
import { checkAnswers, cleanAnswers, isAnswered, questionByKey } from "./answers.ts";
import { communityHealthSurvey } from "./builtin/community-health.ts";
import type { SurveyDefinition } from "./definition.ts";

const definition: SurveyDefinition = {
  title: { en: "Check-in" },
  sections: [
    {
      key: "s",
      title: { en: "Section" },
      questions: [
        { key: "agree", kind: "likert", points: 4, text: { en: "We agree." }, optional: false },
        { key: "five", kind: "likert", points: 5, text: { en: "Five points." }, optional: true },
        {
          key: "one",
          kind: "single_choice",
          text: { en: "Pick one." },
          optional: false,
          options: [
            { key: "a", text: { en: "A" } },
            { key: "b", text: { en: "B" } },
          ],
        },
        {
          key: "many",
          kind: "multiple_choice",
          text: { en: "Pick any." },
          optional: true,
          options: [
            { key: "x", text: { en: "X" } },
            { key: "y", text: { en: "Y" } },
          ],
        },
        { key: "short", kind: "short_text", text: { en: "In a word?" }, optional: true },
        { key: "long", kind: "long_text", text: { en: "Tell us." }, optional: true },
      ],
    },
  ],
};

const complete = { agree: { value: 3 }, one: { choices: ["a"] } };

describe("checking a response's answers", () => {
  it("accepts a complete response, and a partial draft", () => {
    expect(checkAnswers(definition, complete, { complete: true })).toEqual([]);
    expect(checkAnswers(definition, { agree: { value: 2 } }, { complete: false })).toEqual([]);
    expect(checkAnswers(definition, {}, { complete: false })).toEqual([]);
  });

  it("refuses a scale point out of range, naming the question's value", () => {
    for (const value of [0, 5, 2.5, -1]) {
      expect(checkAnswers(definition, { agree: { value } }, { complete: false })).toEqual([
        { key: "agree", path: "answers.agree.value", message: "Choose a point from 1 to 4." },
      ]);
    }
    expect(checkAnswers(definition, { five: { value: 5 } }, { complete: false })).toEqual([]);
    expect(checkAnswers(definition, { five: { value: 6 } }, { complete: false })[0]?.message).toBe(
      "Choose a point from 1 to 5.",
    );
  });

  it("refuses options not offered, two options for a single choice, repeated options", () => {
    const issue = (answers: Record<string, { choices: string[] }>) =>
      checkAnswers(definition, answers, { complete: false }).map((i) => [i.path, i.message]);
    expect(issue({ one: { choices: ["z"] } })).toEqual([
      ["answers.one.choices", "Choose among the options offered."],
    ]);
    expect(issue({ one: { choices: ["a", "b"] } })).toEqual([["answers.one.choices", "Choose one option."]]);
    expect(issue({ many: { choices: ["x", "y"] } })).toEqual([]);
    expect(issue({ many: { choices: ["x", "x"] } })).toEqual([
      ["answers.many.choices", "Choose each option at most once."],
    ]);
  });

  it("keeps texts within their limits and answers in the question's own kind", () => {
    expect(checkAnswers(definition, { short: { text: "a".repeat(300) } }, { complete: false })).toEqual([]);
    expect(checkAnswers(definition, { short: { text: "a".repeat(301) } }, { complete: false })[0]).toEqual({
      key: "short",
      path: "answers.short.text",
      message: "Keep the answer to 300 characters.",
    });
    expect(checkAnswers(definition, { long: { text: "a".repeat(5000) } }, { complete: false })).toEqual([]);
    expect(checkAnswers(definition, { agree: { text: "yes" } }, { complete: false })[0]?.path).toBe(
      "answers.agree.value",
    );
    expect(checkAnswers(definition, { long: { value: 2 } }, { complete: false })[0]?.path).toBe(
      "answers.long.text",
    );
  });

  it("refuses questions the survey does not have", () => {
    expect(checkAnswers(definition, { ...complete, nope: { value: 1 } }, { complete: true })).toEqual([
      { key: "nope", path: "answers.nope", message: "This survey has no such question." },
    ]);
  });

  it("on submitting, asks for every question that is not optional (an empty text or choice is no answer)", () => {
    expect(checkAnswers(definition, { one: { choices: [] } }, { complete: true })).toEqual([
      { key: "agree", path: "answers.agree", message: "Answer this question." },
      { key: "one", path: "answers.one", message: "Answer this question." },
    ]);
    const health = checkAnswers(communityHealthSurvey, {}, { complete: true });
    expect(health).toHaveLength(25);
    expect(health.every((i) => !i.key.endsWith("-open"))).toBe(true);
  });

  it("keeps only what was answered, trimmed", () => {
    expect(
      cleanAnswers(definition, {
        agree: { value: 4 },
        many: { choices: [] },
        short: { text: "  fine  " },
        long: { text: "   " },
      }),
    ).toEqual({ agree: { value: 4 }, short: { text: "fine" } });
    const first = definition.sections[0]?.questions[0];
    if (!first) throw new Error("The fixture has a first question.");
    expect(isAnswered(first, undefined)).toBe(false);
    expect(questionByKey(definition, "one")?.number).toBe(3);
    expect(questionByKey(definition, "zzz")).toBeNull();
  });
});
