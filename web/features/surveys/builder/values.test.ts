import { describe, expect, it } from "vitest";
import { surveyInputSchema } from "../../../../shared/schemas/surveys.ts";
import { communityHealthSurvey } from "../../../../shared/surveys/builtin/community-health.ts";
import { blankValues, fromDefinition, moved, newKey, toDefinition, withKind } from "./values.ts";

describe("the builder's values", () => {
  it("round-trips a definition, keeping every key (answers line up by key)", () => {
    expect(toDefinition(fromDefinition(communityHealthSurvey))).toEqual(communityHealthSurvey);
  });

  it("leaves out empty optional texts, and Spanish unless translating", () => {
    const values = blankValues("Section", "");
    values.title = { en: "Pulse", es: "Pulso" };
    const first = values.sections[0]?.questions[0];
    if (first) first.text = { en: "We trust each other.", es: "" };
    const plain = toDefinition(values);
    expect(plain.title).toEqual({ en: "Pulse" });
    expect(plain.introduction).toBeUndefined();
    expect(plain.sections[0]?.questions[0]).not.toHaveProperty("help");
    const translated = toDefinition({ ...values, translate: true });
    expect(translated.title).toEqual({ en: "Pulse", es: "Pulso" });
    expect(translated.sections[0]?.questions[0]?.text).toEqual({ en: "We trust each other." });
    expect(surveyInputSchema.safeParse({ definition: translated }).success).toBe(true);
  });

  it("sends a Spanish-only help text so the schema can ask for the English", () => {
    const values = { ...blankValues("Section", ""), translate: true, title: { en: "Pulse", es: "" } };
    const first = values.sections[0]?.questions[0];
    if (first) {
      first.text = { en: "Q", es: "" };
      first.help = { en: "", es: "Ayuda" };
    }
    const result = surveyInputSchema.safeParse({ definition: toDefinition(values) });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join("."))).toEqual([
      "definition.sections.0.questions.0.help.en",
    ]);
  });

  it("gives a choice question two options to fill and drops them for another kind", () => {
    const question = blankValues("S", "").sections[0]?.questions[0];
    if (!question) throw new Error("no question");
    const choice = withKind(question, "multiple_choice");
    expect(choice.options).toHaveLength(2);
    expect(withKind(choice, "single_choice").options).toBe(choice.options);
    expect(withKind(choice, "short_text").options).toEqual([]);
  });

  it("makes keys the schema accepts and moves items within bounds", () => {
    expect(newKey("q")).toMatch(/^q-[a-z0-9]{5}$/);
    expect(moved(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });
});
