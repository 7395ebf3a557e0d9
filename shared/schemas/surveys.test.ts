import { describe, expect, it } from "vitest";
import { communityHealthSurvey } from "../surveys/builtin/community-health.ts";
import { surveyEditSchema, surveyInputSchema } from "./surveys.ts";

const question = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  kind: "likert",
  points: 4,
  text: { en: "We learn from each other." },
  ...extra,
});
const definition = (sections: unknown[]) => ({ title: { en: "Check-in" }, sections });
const section = (key: string, questions: unknown[]) => ({ key, title: { en: "About us" }, questions });

/** Each problem's field path, as the web form names its fields, with its message. */
function problems(input: unknown) {
  const result = surveyInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
}

describe("a survey's definition as written in the builder", () => {
  it("accepts the community-health instrument and fills in the defaults", () => {
    const parsed = surveyInputSchema.parse({ definition: communityHealthSurvey });
    expect(parsed.communityId).toBeNull();
    expect(parsed.definition.sections).toHaveLength(5);
  });

  it("names the exact field of an empty question text", () => {
    const input = {
      definition: definition([
        section("s", [question("a"), question("b"), question("c", { text: { en: " " } })]),
      ]),
    };
    expect(problems(input)).toEqual([["definition.sections.0.questions.2.text.en", "Enter the question."]]);
  });

  it("refuses a section without questions, a survey without sections, and too few options", () => {
    expect(problems({ definition: definition([]) })).toEqual([
      ["definition.sections", "A survey needs at least one section."],
    ]);
    expect(problems({ definition: definition([section("s", [])]) })).toEqual([
      ["definition.sections.0.questions", "A section needs at least one question."],
    ]);
    const oneOption = question("c", { kind: "single_choice", options: [{ key: "x", text: { en: "X" } }] });
    delete (oneOption as { points?: number }).points;
    expect(problems({ definition: definition([section("s", [oneOption])]) })).toEqual([
      ["definition.sections.0.questions.0.options", "Offer at least two options."],
    ]);
  });

  it("refuses a 3-point scale and an unknown kind", () => {
    expect(problems({ definition: definition([section("s", [question("a", { points: 3 })])]) })).toEqual([
      ["definition.sections.0.questions.0.points", "Choose a 4- or 5-point scale."],
    ]);
    expect(
      problems({ definition: definition([section("s", [question("a", { kind: "slider" })])]) }),
    ).toHaveLength(1);
  });

  it("refuses duplicate keys of questions (across sections), of sections and of a question's options", () => {
    const options = [
      { key: "x", text: { en: "X" } },
      { key: "x", text: { en: "Also X" } },
    ];
    const input = {
      definition: definition([
        section("s", [question("a")]),
        section("s", [question("a"), { key: "c", kind: "multiple_choice", text: { en: "Pick" }, options }]),
      ]),
    };
    expect(problems(input).map(([path]) => path)).toEqual([
      "definition.sections.1.questions.0.key",
      "definition.sections.1.key",
      "definition.sections.1.questions.1.options.1.key",
    ]);
  });

  it("refuses a malformed key, an over-long translation and a survey title of only spaces", () => {
    const input = {
      definition: {
        title: { en: "   " },
        sections: [section("s", [question("Not A Key", { text: { en: "Q", es: "x".repeat(501) } })])],
      },
    };
    expect(problems(input).map(([path]) => path)).toEqual([
      "definition.title.en",
      "definition.sections.0.questions.0.key",
      "definition.sections.0.questions.0.text.es",
    ]);
  });

  it("refuses unknown fields and an edit without the version it started from", () => {
    expect(problems({ definition: communityHealthSurvey, owner: "me" })).toHaveLength(1);
    const edit = surveyEditSchema.safeParse({ definition: communityHealthSurvey });
    expect(edit.success ? [] : edit.error.issues.map((i) => i.path.join("."))).toEqual(["version"]);
  });
});
