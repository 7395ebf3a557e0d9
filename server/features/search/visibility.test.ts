import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../http/auth/plugin.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, schoolId } from "../../test/factories.ts";
import { type ArtifactAccess, canReadArtifact } from "../artifacts/policy.ts";
import { type CommunityAccess, canRead } from "../communities/policy.ts";
import { insertArtifact } from "./test-fixtures.ts";
import {
  artifactVisible,
  artifactVisibleParts,
  communityVisible,
  visibleCommunityIds,
} from "./visibility.ts";

/*
 * The SQL of visibility.ts against the JS policy it mirrors, on every combination that matters: each
 * district role × the person's place in the community × its visibility × whether they lead its school ×
 * student work × approved exemplar, plus own and others' copies and another district's work. If either
 * side changes alone, a case below disagrees.
 */

const roles = ["administrator", "school_leader", "educator", "partner"] as const;
type Place = CommunityAccess["membership"];
const places: Place[] = [
  null,
  { role: "member", status: "active" },
  { role: "partner", status: "active" },
  { role: "observer", status: "active" },
  { role: "member", status: "requested" },
  { role: "member", status: "left" },
];
type Case = {
  artifactId: string;
  communityId: string | null;
  community: boolean;
  artifact: boolean;
  label: string;
};

let t: TestApp;
const actors: Actor[] = [];
const cases = new Map<string, Case[]>();

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  const lake = await orgId(t.db, "lakeside");
  const mine = await schoolId(t.db, "Riverside Elementary");
  const other = await schoolId(t.db, "Riverside Middle");
  const someoneElse = (await createPerson(t.db, { orgId: org })).id;
  const lakeOwner = (await createPerson(t.db, { orgId: lake })).id;
  for (const orgRole of roles) {
    const person = await createPerson(t.db, { orgId: org, orgRole, schoolIds: [mine] });
    const actor: Actor = {
      id: person.id,
      orgId: org,
      orgRole,
      name: "",
      email: person.email,
      schoolIds: [mine],
    };
    actors.push(actor);
    const list: Case[] = [];
    for (const visibility of ["private", "organization"] as const)
      for (const leads of [true, false])
        for (const place of places) {
          const community = await createCommunity(t.db, {
            orgId: org,
            visibility,
            schoolIds: [leads ? mine : other],
            members: place ? [[person.id, place.role, place.status]] : [],
          });
          const access: CommunityAccess = {
            actor,
            visibility,
            archived: false,
            membership: place,
            leadsItsSchool: orgRole === "school_leader" && leads,
            facilitatorCount: 0,
          };
          for (const containsStudentWork of [false, true])
            for (const approved of [false, true]) {
              const label = `${orgRole} ${JSON.stringify(place)} ${visibility} leads=${leads} student=${containsStudentWork} exemplar=${approved}`;
              const artifact: ArtifactAccess = {
                actor,
                ownerId: someoneElse,
                community: access,
                containsStudentWork,
                archived: false,
                approvedExemplar: approved,
              };
              const artifactId = await insertArtifact(t.db, {
                orgId: org,
                communityId: community.id,
                ownerId: someoneElse,
                title: label,
                containsStudentWork,
                approved,
              });
              list.push({
                artifactId,
                communityId: community.id,
                community: canRead(access),
                artifact: canReadArtifact(artifact),
                label,
              });
            }
        }
    for (const [owner, label] of [
      [person.id, "own copy"],
      [someoneElse, "someone else's copy"],
    ] as const) {
      const artifactId = await insertArtifact(t.db, {
        orgId: org,
        communityId: null,
        ownerId: owner,
        title: label,
      });
      const access: ArtifactAccess = {
        actor,
        ownerId: owner,
        community: null,
        containsStudentWork: false,
        archived: false,
        approvedExemplar: false,
      };
      list.push({
        artifactId,
        communityId: null,
        community: false,
        artifact: canReadArtifact(access),
        label,
      });
    }
    // Another district's district-visible community and approved exemplar: never.
    const away = await createCommunity(t.db, { orgId: lake, visibility: "organization" });
    const awayWork = await insertArtifact(t.db, {
      orgId: lake,
      communityId: away.id,
      ownerId: lakeOwner,
      title: "Lakeside",
      approved: true,
    });
    list.push({
      artifactId: awayWork,
      communityId: away.id,
      community: false,
      artifact: false,
      label: "Lakeside",
    });
    cases.set(person.id, list);
  }
});
afterAll(() => t.close());

describe("the SQL read rules agree with the policy", () => {
  it.each(roles)("for a district %s, on every community and artifact", async (role) => {
    const actor = actors.find((a) => a.orgRole === role) as Actor;
    const list = cases.get(actor.id) ?? [];
    const communityIds = list.flatMap((c) => (c.communityId ? [sql`${c.communityId}::uuid`] : []));
    const artifactIds = list.map((c) => sql`${c.artifactId}::uuid`);
    const seenCommunities = new Set(
      (
        await t.db.execute<{ id: string }>(sql`select c.id from communities c
          where c.id in (${sql.join(communityIds, sql`, `)}) and ${communityVisible(actor)}`)
      ).rows.map((r) => r.id),
    );
    const seenArtifacts = new Set(
      (
        await t.db.execute<{ id: string }>(sql`select a.id from artifacts a
          where a.id in (${sql.join(artifactIds, sql`, `)}) and ${artifactVisible(actor)}`)
      ).rows.map((r) => r.id),
    );
    // The same rule split into parts for the search's indexes: their OR must agree too.
    const parts = artifactVisibleParts(actor, sql.raw("a"), sql`array${visibleCommunityIds(actor)}`);
    const seenByParts = new Set(
      (
        await t.db.execute<{ id: string }>(sql`select a.id from artifacts a
          where a.id in (${sql.join(artifactIds, sql`, `)}) and (${sql.join(parts, sql` or `)})`)
      ).rows.map((r) => r.id),
    );
    expect([...seenByParts].sort()).toEqual([...seenArtifacts].sort());
    const disagreements = list.flatMap((c) => [
      ...(c.communityId && seenCommunities.has(c.communityId) !== c.community
        ? [`community: ${c.label}`]
        : []),
      ...(seenArtifacts.has(c.artifactId) !== c.artifact
        ? [`artifact: ${c.label} (policy ${c.artifact})`]
        : []),
    ]);
    expect(disagreements).toEqual([]);
    // The table is not trivially one-sided: each role sees some and misses some.
    expect(list.some((c) => c.artifact)).toBe(true);
    expect(list.some((c) => !c.artifact)).toBe(true);
  });
});
