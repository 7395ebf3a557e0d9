import { eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinProtocols } from "../../../shared/protocols/builtin/index.ts";
import { protocols, protocolVersions } from "../../db/schema/index.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { syncBuiltinProtocols } from "./builtin-sync.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const builtins = () =>
  t.db
    .select({ slug: protocols.slug, version: protocolVersions.version, name: protocols.name })
    .from(protocols)
    .innerJoin(protocolVersions, eq(protocolVersions.id, protocols.currentVersionId))
    .where(isNotNull(protocols.slug));

describe("syncing the built-in protocols", () => {
  it("has every built-in after migrations, and a second sync changes nothing", async () => {
    const rows = await builtins();
    expect(rows.map((r) => r.slug).sort()).toEqual(builtinProtocols.map((p) => p.slug).sort());
    expect(await syncBuiltinProtocols(t.db)).toEqual({ added: 0, updated: 0 });
  });

  it("adds a version when a built-in changed, keeping the old one", async () => {
    // Pretend the stored tuning protocol is an older edition of the shipped one.
    const [tuning] = await t.db.select().from(protocols).where(eq(protocols.slug, "tuning"));
    await t.db
      .update(protocolVersions)
      .set({ definition: sql`jsonb_set(${protocolVersions.definition}, '{summary}', '"An older summary."')` })
      .where(eq(protocolVersions.id, tuning?.currentVersionId ?? ""));
    expect(await syncBuiltinProtocols(t.db)).toEqual({ added: 0, updated: 1 });
    const versions = await t.db
      .select({
        version: protocolVersions.version,
        summary: sql<string>`${protocolVersions.definition}->>'summary'`,
      })
      .from(protocolVersions)
      .where(eq(protocolVersions.protocolId, tuning?.id ?? ""))
      .orderBy(protocolVersions.version);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]?.summary).toBe("An older summary.");
    expect(versions[1]?.summary).toBe(builtinProtocols[0]?.definition.summary);
    const [now] = await t.db.select().from(protocols).where(eq(protocols.slug, "tuning"));
    expect(now?.summary).toBe(builtinProtocols[0]?.definition.summary);
    expect(await syncBuiltinProtocols(t.db)).toEqual({ added: 0, updated: 0 });
  });

  it("adds each missing built-in exactly once when two processes sync at the same time", async () => {
    // Meetings may use the stored built-ins, so they are renamed out of the way rather than deleted.
    await t.db.execute(sql`update protocols set slug = 'retired-' || slug where slug is not null`);
    const results = await Promise.all([syncBuiltinProtocols(t.db), syncBuiltinProtocols(t.db)]);
    expect(results.map((r) => r.added).sort()).toEqual([0, builtinProtocols.length]);
    const rows = (await builtins()).filter((r) => !r.slug?.startsWith("retired-"));
    expect(rows).toHaveLength(builtinProtocols.length);
    expect(rows.every((r) => r.version === 1)).toBe(true);
  });
});
