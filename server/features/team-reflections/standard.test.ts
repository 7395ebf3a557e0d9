import { describe, expect, it } from "vitest";
import { standardContentSchema, standardElements, termOf } from "../../../shared/reflection/standard.ts";
import {
  cycleContentSchema,
  cyclePrompts,
  meetingContentSchema,
  meetingPrompts,
} from "../../../shared/reflection/team-prompts.ts";
import { parseContent, ratingsOf } from "./content.ts";

/* The standard's structure and the layout of what a team writes, as the editor and the API rely on them. */

describe("the learning-communities standard", () => {
  it("has its three elements, each with 3–5 guiding questions and four described levels", () => {
    expect(standardElements.map((e) => e.key)).toEqual([
      "continuous-improvement",
      "collective-responsibility",
      "alignment-accountability",
    ]);
    for (const element of standardElements) {
      expect(element.questions.length).toBeGreaterThanOrEqual(3);
      expect(element.questions.length).toBeLessThanOrEqual(5);
      expect(new Set(element.questions.map((q) => q.key)).size).toBe(element.questions.length);
      expect(element.levels.map((l) => [l.value, l.label.en])).toEqual([
        [1, "Beginning"],
        [2, "Developing"],
        [3, "Established"],
        [4, "Leading"],
      ]);
      for (const level of element.levels) expect(level.description.en.length).toBeGreaterThan(30);
    }
  });

  it("titles a reflection by the term of its date", () => {
    expect(termOf("2026-09-14")).toBe("Autumn 2026");
    expect(termOf("2027-02-01")).toBe("Spring 2027");
    expect(termOf("2027-07-01")).toBe("Summer 2027");
  });
});

describe("a standard reflection's content", () => {
  it("keeps answers, a rating and next steps per element, trimmed", () => {
    const parsed = standardContentSchema.parse({
      elements: {
        "continuous-improvement": {
          answers: { evidence: "  Exit tickets.  " },
          rating: 2,
          nextSteps: "Visit",
        },
      },
    });
    expect(parsed.elements["continuous-improvement"]).toEqual({
      answers: { evidence: "Exit tickets." },
      rating: 2,
      nextSteps: "Visit",
    });
  });

  it("refuses an unknown element, question or field, a rating off the scale, and overlong text", () => {
    const paths = (content: unknown) => {
      try {
        parseContent("standard", content);
        return [];
      } catch (error) {
        return (error as { errors: { path: string }[] }).errors.map((e) => e.path);
      }
    };
    expect(paths({ elements: { leadership: {} } })).toEqual(["content.elements.leadership"]);
    expect(paths({ elements: { "continuous-improvement": { answers: { mood: "x" } } } })).toEqual([
      "content.elements.continuous-improvement.answers.mood",
    ]);
    expect(paths({ elements: { "collective-responsibility": { rating: 5 } } })).toEqual([
      "content.elements.collective-responsibility.rating",
    ]);
    expect(paths({ elements: { "collective-responsibility": { rating: 2.5 } } })).toEqual([
      "content.elements.collective-responsibility.rating",
    ]);
    expect(paths({ elements: { "alignment-accountability": { nextSteps: "x".repeat(5001) } } })).toEqual([
      "content.elements.alignment-accountability.nextSteps",
    ]);
    expect(paths({ elements: {}, extra: 1 })).toEqual(["content.extra"]);
  });

  it("reads the ratings per element, null where not rated", () => {
    expect(ratingsOf("standard", { elements: { "continuous-improvement": { rating: 3 } } })).toEqual({
      "continuous-improvement": 3,
      "collective-responsibility": null,
      "alignment-accountability": null,
    });
    expect(ratingsOf("meeting", { answers: {} })).toEqual({});
  });
});

describe("meeting and cycle prompts", () => {
  it("ask what the issue asks, and take answers only to their own prompts", () => {
    expect(meetingPrompts.map((p) => p.key)).toEqual(["went-well", "change", "norms", "decided"]);
    expect(cyclePrompts.map((p) => p.key)).toEqual(["evidence", "learned", "decision", "next"]);
    expect(meetingContentSchema.safeParse({ answers: { norms: "We kept time." } }).success).toBe(true);
    expect(meetingContentSchema.safeParse({ answers: { evidence: "x" } }).success).toBe(false);
    expect(cycleContentSchema.safeParse({ answers: { decision: "Adapt." } }).success).toBe(true);
  });
});
