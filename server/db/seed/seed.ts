import { hashPassword } from "better-auth/crypto";
import { eq, sql } from "drizzle-orm";
import { newId } from "../../lib/ids.ts";
import type { ObjectStore } from "../../storage/index.ts";
import type { Db, Tx } from "../client.ts";
import {
  accounts,
  communities,
  communitySchools,
  memberships,
  organizations,
  people,
  personSchools,
  schools,
} from "../schema/index.ts";
import { seedDemoArtifacts } from "./demo-artifacts.ts";
import { DEMO_PASSWORD, type DemoDistrict, lakeside, riverside } from "./demo-data.ts";
import { seedDemoGoals } from "./demo-goals.ts";
import { seedDemoHealth } from "./demo-health.ts";
import { seedDemoMeetings } from "./demo-meetings.ts";
import { seedDemoReflection } from "./demo-reflection.ts";
import { seedDemoStudents } from "./demo-students.ts";

/** True when no organization exists yet (a fresh installation). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return (row?.n ?? 0) === 0;
}

/** Seeds both demo districts (skipping one that exists), in one transaction. */
export async function seedDemo(db: Db, store?: ObjectStore): Promise<string[]> {
  // One hash for the shared demo password keeps seeding fast; each account still has its own row.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await db.transaction(async (tx) => {
    const created: string[] = [];
    for (const district of [riverside, lakeside]) {
      const [exists] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, district.slug));
      if (exists) continue;
      await seedDistrict(tx, district, passwordHash);
      await seedDemoMeetings(tx, district.slug);
      created.push(district.name);
    }
    return created;
  });
  // Work samples carry files, so they need the store (the tests' template database has none). The demo's
  // goals and cycle cite a work sample as evidence, and stay out of the template too: tests count goals.
  if (store) {
    await seedDemoArtifacts(db, store);
    await seedDemoGoals(db);
    // Student data stays out of the template too: the tests make the rosters they count.
    await seedDemoStudents(db);
    // Surveys and reflections stay out of it as well: the tests count administrations, entries and plans.
    await seedDemoHealth(db);
    await seedDemoReflection(db);
  }
  return created;
}

async function seedDistrict(tx: Tx, district: DemoDistrict, passwordHash: string) {
  const orgId = newId();
  await tx.insert(organizations).values({ id: orgId, name: district.name, slug: district.slug });
  const schoolIds = new Map(district.schools.map((name) => [name, newId()]));
  await tx.insert(schools).values([...schoolIds].map(([name, id]) => ({ id, orgId, name })));
  const personIds = new Map<string, string>();
  for (const p of district.people) {
    const id = newId();
    personIds.set(p.email, id);
    await tx.insert(people).values({
      id,
      orgId,
      email: p.email,
      emailVerified: true,
      name: p.name,
      orgRole: p.orgRole,
      title: p.title,
      pronouns: p.pronouns ?? "",
      subjects: p.subjects ?? [],
      gradeBands: p.gradeBands ?? [],
    });
    await tx
      .insert(accounts)
      .values({ id: newId(), accountId: id, providerId: "credential", userId: id, password: passwordHash });
    for (const school of p.schools) {
      await tx.insert(personSchools).values({ orgId, personId: id, schoolId: must(schoolIds.get(school)) });
    }
  }
  for (const c of district.communities) {
    const { members, schools: schoolNames, ...fields } = c;
    const id = newId();
    const facilitator = members.find(([, role]) => role === "facilitator")?.[0];
    await tx
      .insert(communities)
      .values({ id, orgId, ...fields, createdBy: facilitator ? personIds.get(facilitator) : null });
    for (const school of schoolNames) {
      await tx
        .insert(communitySchools)
        .values({ orgId, communityId: id, schoolId: must(schoolIds.get(school)) });
    }
    for (const [email, role] of members) {
      await tx
        .insert(memberships)
        .values({ orgId, communityId: id, personId: must(personIds.get(email)), role, status: "active" });
    }
  }
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("demo data refers to something it does not define");
  return value;
}
