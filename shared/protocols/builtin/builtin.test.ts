import { describe, expect, it } from "vitest";
import { protocolDefinitionSchema, totalMinutes } from "../definition.ts";
import { builtinProtocols } from "./index.ts";

const bySlug = (slug: string) => {
  const found = builtinProtocols.find((p) => p.slug === slug);
  if (!found) throw new Error(`no built-in ${slug}`);
  return protocolDefinitionSchema.parse(found.definition);
};

describe("built-in protocols", () => {
  it("ships the protocols the issue asks for, each slug once", () => {
    const slugs = builtinProtocols.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual(
      expect.arrayContaining([
        "tuning",
        "consultancy",
        "looking-at-student-work",
        "success-analysis",
        "data-driven-dialogue",
        "community-of-practice-workshop",
      ]),
    );
  });

  it.each(builtinProtocols.map((p) => [p.slug, p] as const))("%s parses as a protocol definition", (_, p) => {
    const result = protocolDefinitionSchema.safeParse(p.definition);
    expect(result.error?.issues ?? []).toEqual([]);
    // Every role a step names is one the protocol declares, so the room can show who that is.
    const parsed = protocolDefinitionSchema.parse(p.definition);
    for (const step of parsed.steps) {
      for (const role of [...step.speakers, ...step.silent]) expect(parsed.roles).toContain(role);
    }
  });

  it("uses the timings practitioners use", () => {
    const minutes = (slug: string) => totalMinutes(bySlug(slug).steps);
    expect(minutes("tuning")).toBeGreaterThanOrEqual(60);
    expect(minutes("tuning")).toBeLessThanOrEqual(80);
    expect(minutes("consultancy")).toBe(50);
    expect(minutes("consultancy-20")).toBe(20);
    expect(minutes("looking-at-student-work")).toBe(60);
    expect(minutes("community-of-practice-workshop")).toBe(60);
    const cac = minutes("collaborative-assessment-conference");
    expect(cac).toBeGreaterThanOrEqual(45);
    expect(cac).toBeLessThanOrEqual(75);
  });

  it("runs the tuning protocol in order, with the presenter silent during feedback", () => {
    const tuning = bySlug("tuning");
    const captures = tuning.steps.map((s) => s.captures);
    const at = (kind: string) => captures.indexOf(kind as (typeof captures)[number]);
    expect(tuning.steps[1]?.speakers).toEqual(["presenter"]);
    expect(tuning.steps[1]?.silent).toContain("participants");
    expect(at("clarifying_question")).toBeGreaterThan(1);
    expect(at("warm_feedback")).toBeGreaterThan(at("clarifying_question"));
    expect(at("cool_feedback")).toBe(at("warm_feedback") + 1);
    expect(at("next_step")).toBeGreaterThan(at("cool_feedback"));
    for (const kind of ["warm_feedback", "cool_feedback"]) {
      const step = tuning.steps[at(kind)];
      expect(step?.silent).toContain("presenter");
      expect(step?.speakers).not.toContain("presenter");
      expect(step?.anonymity).toBe("optional");
    }
    expect(tuning.steps.at(-1)?.title).toMatch(/debrief/i);
  });

  it("gives every step that captures something a prompt or instructions", () => {
    for (const p of builtinProtocols) {
      for (const step of protocolDefinitionSchema.parse(p.definition).steps) {
        expect(step.instructions.length, `${p.slug}: ${step.title}`).toBeGreaterThan(0);
      }
    }
  });
});
