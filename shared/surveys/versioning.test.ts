import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { communityHealthSurvey } from "./builtin/community-health.ts";
import type { SurveyDefinition, SurveyQuestion } from "./definition.ts";
import { canonical, planEdit, questionMeaning, rekeyChangedQuestions } from "./versioning.ts";

const likert = (key: string, en: string, points: 4 | 5 = 4): SurveyQuestion => ({
  key,
  kind: "likert",
  points,
  text: { en },
  optional: false,
});
const choice = (
  key: string,
  options: string[],
  kind: "single_choice" | "multiple_choice" = "single_choice",
) =>
  ({
    key,
    kind,
    text: { en: "Which?" },
    optional: false,
    options: options.map((o) => ({ key: o, text: { en: o.toUpperCase() } })),
  }) as SurveyQuestion;

const survey = (...questions: SurveyQuestion[]): SurveyDefinition => ({
  title: { en: "Team check-in" },
  sections: [{ key: "main", title: { en: "Main" }, questions }],
});
const keys = (d: SurveyDefinition) => d.sections.flatMap((s) => s.questions.map((q) => q.key));

describe("what a question asks for", () => {
  it("is its kind, its scale and its set of options, not its words or the options' order", () => {
    expect(questionMeaning(likert("a", "One"))).toBe(questionMeaning(likert("a", "Reworded")));
    expect(questionMeaning(likert("a", "One", 4))).not.toBe(questionMeaning(likert("a", "One", 5)));
    expect(questionMeaning(choice("c", ["x", "y"]))).toBe(questionMeaning(choice("c", ["y", "x"])));
    expect(questionMeaning(choice("c", ["x", "y"]))).not.toBe(questionMeaning(choice("c", ["x", "z"])));
    expect(questionMeaning(choice("c", ["x", "y"]))).not.toBe(
      questionMeaning(choice("c", ["x", "y"], "multiple_choice")),
    );
  });
});

describe("rekeying questions whose meaning changed", () => {
  it("keeps the key of a reworded question", () => {
    const { definition, renamed } = rekeyChangedQuestions(survey(likert("trust", "We trust each other.")), [
      survey(likert("trust", "We trust one another.")),
    ]);
    expect(keys(definition)).toEqual(["trust"]);
    expect(renamed).toEqual([]);
  });

  it("gives a fresh key to a question whose scale, kind or options changed", () => {
    const before = survey(likert("trust", "T"), choice("when", ["am", "pm"]), likert("time", "Time"));
    const next = survey(likert("trust", "T", 5), choice("when", ["am", "pm", "eve"]), likert("time", "Time"));
    const { definition, renamed } = rekeyChangedQuestions(next, [before]);
    expect(keys(definition)).toEqual(["trust-2", "when-2", "time"]);
    expect(renamed).toEqual([
      { from: "trust", to: "trust-2" },
      { from: "when", to: "when-2" },
    ]);
  });

  it("never reuses a key any kept version or another question of the survey holds", () => {
    const v1 = survey(likert("trust", "T"));
    const v2 = survey(likert("trust-2", "T", 5));
    const next = survey(choice("trust", ["a", "b"]), likert("trust-3", "Other"));
    const { definition } = rekeyChangedQuestions(next, [v1, v2]);
    expect(keys(definition)).toEqual(["trust-4", "trust-3"]);
  });

  it("keeps keys within 40 characters", () => {
    const long = "a".repeat(40);
    const { definition } = rekeyChangedQuestions(survey(likert(long, "T", 5)), [survey(likert(long, "T"))]);
    expect(keys(definition)[0]).toBe(`${"a".repeat(38)}-2`);
  });

  it("leaves questions new in this version alone", () => {
    const { renamed } = rekeyChangedQuestions(survey(likert("trust", "T"), likert("new", "N")), [
      survey(likert("trust", "T")),
    ]);
    expect(renamed).toEqual([]);
  });

  it("property: after rekeying, no key means two things across the kept versions and the new one", () => {
    const question = fc
      .tuple(
        fc.constantFrom("a", "b", "c", "a-2"),
        fc.oneof(
          fc.constantFrom(4 as const, 5 as const).map((points) => (key: string) => likert(key, "Q", points)),
          fc.subarray(["x", "y", "z"], { minLength: 2 }).map((o) => (key: string) => choice(key, o)),
          fc.constant(
            (key: string): SurveyQuestion => ({
              key,
              kind: "short_text",
              text: { en: "Q" },
              optional: false,
            }),
          ),
        ),
      )
      .map(([key, make]) => make(key));
    const definition = fc
      .uniqueArray(question, { minLength: 1, maxLength: 4, selector: (q) => q.key })
      .map((qs) => survey(...qs));
    fc.assert(
      fc.property(fc.array(definition, { minLength: 1, maxLength: 3 }), definition, (earlier, next) => {
        // The kept versions are themselves consistent: each was rekeyed against those before it.
        const kept: SurveyDefinition[] = [];
        for (const d of earlier) kept.push(rekeyChangedQuestions(d, kept).definition);
        const { definition: saved } = rekeyChangedQuestions(next, kept);
        const meanings = new Map<string, string>();
        for (const d of [...kept, saved])
          for (const q of d.sections.flatMap((s) => s.questions)) {
            const seen = meanings.get(q.key);
            if (seen !== undefined && seen !== questionMeaning(q)) return false;
            meanings.set(q.key, questionMeaning(q));
          }
        return new Set(keys(saved)).size === keys(saved).length;
      }),
    );
  });
});

describe("planning an edit", () => {
  const v1 = survey(likert("trust", "We trust each other."), choice("when", ["am", "pm"]));

  it("replaces the current version in place while nobody has answered it", () => {
    const next = survey(likert("trust", "We trust each other.", 5), choice("when", ["am", "pm"]));
    const plan = planEdit({ current: { number: 1, definition: v1, hasResponses: false }, others: [], next });
    // Nobody answered the old scale, so the key stays: no answers can mix.
    expect(plan).toEqual({ action: "replace", definition: next, renamed: [] });
  });

  it("makes a new version once the current one has responses, renaming what changed meaning", () => {
    const next = survey(likert("trust", "We trust one another.", 5), choice("when", ["am", "pm"]));
    const plan = planEdit({ current: { number: 3, definition: v1, hasResponses: true }, others: [], next });
    expect(plan.action).toBe("new_version");
    if (plan.action !== "new_version") return;
    expect(plan.number).toBe(4);
    expect(keys(plan.definition)).toEqual(["trust-2", "when"]);
    expect(plan.renamed).toEqual([{ from: "trust", to: "trust-2" }]);
  });

  it("still guards against answered earlier versions when the draft is replaced in place", () => {
    const draft = survey(likert("trust", "We trust each other."));
    const next = survey(likert("trust", "We trust each other.", 5));
    const plan = planEdit({
      current: { number: 2, definition: draft, hasResponses: false },
      others: [{ number: 1, definition: v1 }],
      next,
    });
    expect(plan.action === "replace" && keys(plan.definition)).toEqual(["trust-2"]);
  });

  it("does nothing when the definition is the same, whatever the order of its fields", () => {
    const reordered = JSON.parse(
      JSON.stringify({ sections: v1.sections, title: v1.title }),
    ) as SurveyDefinition;
    expect(
      planEdit({ current: { number: 1, definition: v1, hasResponses: true }, others: [], next: reordered }),
    ).toEqual({ action: "unchanged" });
  });

  it("keeps every key of the community-health survey when only its words change", () => {
    const reworded = structuredClone(communityHealthSurvey);
    const first = reworded.sections[0]?.questions[0];
    if (first) first.text = { en: "Reworded.", es: "Reformulado." };
    const plan = planEdit({
      current: { number: 1, definition: communityHealthSurvey, hasResponses: true },
      others: [],
      next: reworded,
    });
    expect(plan.action === "new_version" && plan.renamed).toEqual([]);
    expect(canonical(reworded)).not.toBe(canonical(communityHealthSurvey));
  });
});
