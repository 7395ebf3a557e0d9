import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestApp } from "../../test/app.ts";

// The allowance is read when the routes load: set it before the app is imported.
process.env.LAMPLIGHT_SEARCHES_PER_MINUTE = "3";
let t: TestApp;

beforeAll(async () => {
  const { startTestApp } = await import("../../test/app.ts");
  t = await startTestApp();
});
afterAll(() => t.close());

it("limits searches per session, not per address: a colleague behind the same address still searches", async () => {
  const teacher1 = await t.signIn("teacher1@riverside.example");
  for (let i = 0; i < 3; i++) expect((await teacher1.get("/api/v1/search?q=ratio")).status).toBe(200);
  const refused = await teacher1.get("/api/v1/search?q=ratio");
  expect(refused.status).toBe(429);
  const teacher2 = await t.signIn("teacher2@riverside.example");
  expect((await teacher2.get("/api/v1/search?q=ratio")).status).toBe(200);
  // Other reads are not counted against it.
  expect((await teacher1.get("/api/v1/me")).status).toBe(200);
});
