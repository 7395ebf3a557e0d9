import { sql } from "drizzle-orm";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createArtifact } from "../../test/exemplar-factories.ts";
import { createCommunity, createPerson, orgId, schoolId, unique } from "../../test/factories.ts";

export type Who = { id: string; email: string; client: Client };
export let t: TestApp;
export let riverside: string;
export let community: { id: string; name: string };
export let owner: Who;
export let member: Who;
export let facilitator: Who;
export let leader: Who;
export let colleague: Who;
export let partner: Who;
export let lakesideAdmin: Client;

async function person(name: string, orgRole: "educator" | "school_leader" | "partner", schools: string[]) {
  const made = await createPerson(t.db, {
    orgId: riverside,
    name,
    orgRole,
    schoolIds: schools,
    canSignIn: true,
  });
  return { ...made, client: await t.signIn(made.email) };
}

/**
 * The cast of the exemplar tests, shared by their files (live bindings, set by setupCast): a private
 * Grade 7 team of Riverside Middle (owner Samuel Ortiz, member Rosa Kim, facilitator Ida Moreno, a family
 * partner), a leader of its school, a teacher of another school, and Lakeside's administrator.
 */
export async function setupCast() {
  t = await startTestApp();
  riverside = await orgId(t.db, "riverside");
  const middle = await schoolId(t.db, "Riverside Middle");
  const elementary = await schoolId(t.db, "Riverside Elementary");
  owner = await person("Samuel Ortiz", "educator", [middle]);
  member = await person("Rosa Kim", "educator", [middle]);
  facilitator = await person("Ida Moreno", "educator", [middle]);
  leader = await person("Hal Price", "school_leader", [middle]);
  colleague = await person("Tess Young", "educator", [elementary]);
  partner = await person("Pat Reyes", "partner", []);
  lakesideAdmin = await t.as("admin@lakeside.example");
  community = await createCommunity(t.db, {
    orgId: riverside,
    name: unique("Grade 7 Math Team"),
    visibility: "private",
    schoolIds: [middle],
    members: [
      [owner.id, "member"],
      [member.id, "member"],
      [facilitator.id, "facilitator"],
      [partner.id, "partner"],
    ],
  });
}

export const artifact = (extra: Partial<Parameters<typeof createArtifact>[1]> = {}) =>
  createArtifact(t.db, { orgId: riverside, communityId: community.id, ownerId: owner.id, ...extra });
export const nominate = (c: Client, id: string, note = "Every question targets one idea.", headers = {}) =>
  c.post(`/api/v1/artifacts/${id}/exemplar`, { note }, headers);
export const notificationsOf = async (personId: string, title: string) =>
  (
    await t.db.execute<{ kind: string; data: Record<string, string>; actor_id: string | null }>(sql`
      select kind, data, actor_id from notifications where person_id = ${personId} and data->>'title' = ${title}`)
  ).rows;
