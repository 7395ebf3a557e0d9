import { describe, expect, it } from "vitest";
import { z } from "zod";
import { homeSchema } from "../../shared/schemas/home.ts";
import { personSchema } from "../../shared/schemas/people.ts";
import { serializerCompiler } from "./serializer.ts";

const compile = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: "GET", url: "/test", httpStatus: "200" }) as (data: unknown) => string;

describe("response serializer", () => {
  it("writes only declared properties, so a presenter cannot leak a field", () => {
    const write = compile(z.object({ id: z.string(), name: z.string() }));
    const json = write({ id: "p1", name: "Jordan Lee", password: "scrypt:secret", orgId: "o1" });
    expect(JSON.parse(json)).toEqual({ id: "p1", name: "Jordan Lee" });
  });

  it("keeps nulls, nested arrays and discriminated unions as the API documents them", () => {
    const write = compile(homeSchema);
    const home = {
      communities: [
        {
          id: "c1",
          name: "Grade 7 Math Team",
          kind: "grade_level_team",
          purpose: "",
          visibility: "organization",
          memberCount: 5,
          myRole: null,
          myStatus: null,
          archived: false,
        },
      ],
      upcomingMeetings: [],
      needsMe: [
        {
          kind: "invitation",
          invitationId: "i1",
          communityId: "c1",
          communityName: "Grade 7 Math Team",
          role: "member",
          invitedBy: "Priya",
          token: "never-sent",
        },
        {
          kind: "join_request",
          communityId: "c1",
          communityName: "Grade 7 Math Team",
          personId: "p2",
          personName: "Elena",
        },
      ],
    };
    const { needsMe, ...rest } = JSON.parse(write(home));
    expect(rest).toEqual({ communities: home.communities, upcomingMeetings: [] });
    expect(needsMe[0]).not.toHaveProperty("token");
    expect(needsMe.map((n: { kind: string }) => n.kind)).toEqual(["invitation", "join_request"]);
    expect(needsMe[1]).toEqual(home.needsMe[1]);
  });

  it("writes a whole person with its string lists", () => {
    const person = {
      id: "01a2",
      email: "teacher1@riverside.example",
      name: "Jordan Lee",
      pronouns: "they/them",
      title: "Teacher",
      orgRole: "educator",
      status: "active",
      schoolIds: ["s1"],
      subjects: ["Mathematics"],
      gradeBands: ["6-8"],
      interests: [],
      timeZone: "America/New_York",
      language: "en",
      createdAt: "2026-11-23T15:00:00.000Z",
    };
    expect(JSON.parse(compile(personSchema)(person))).toEqual(person);
  });
});
