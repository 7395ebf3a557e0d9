import { describe, expect, it } from "vitest";
import { containsPattern } from "./like.ts";

describe("containsPattern", () => {
  it("escapes the characters ILIKE treats as wildcards", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
    expect(containsPattern("Grade 7")).toBe("%Grade 7%");
  });
});
