import { eq } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { communities } from "../server/db/schema/index.ts";
import { insertArtifact } from "../server/features/search/test-fixtures.ts";
import { orgId, personIdOf } from "../server/test/factories.ts";
import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

/*
 * Search: the coach types into the header's search box, sees highlighted results, narrows them by kind,
 * finds the quiz despite a typo, and is told what to try when nothing matches. The work samples are
 * written straight into the server's database (search only reads them).
 */

const connectToServerDb = () =>
  connect(
    `postgres://lamplight:lamplight@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54340)}/lamplight`,
    2,
  );

test.beforeAll(async () => {
  const db = connectToServerDb();
  try {
    const riverside = await orgId(db, "riverside");
    const [team] = await db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.name, "Grade 7 Math Team"));
    const ownerId = await personIdOf(db, "teacher1@riverside.example");
    const inTeam = { orgId: riverside, communityId: team?.id ?? "", ownerId };
    await insertArtifact(db, {
      ...inTeam,
      title: "Quetzal ratio quiz",
      kind: "assessment",
      description: "Twenty questions on proportional reasoning with quetzal birds.",
      focusingQuestion: "What am I really trying to assess?",
      subjects: ["Math"],
      gradeBands: ["6-8"],
      standards: ["CCSS.MATH.7.RP.A.2"],
    });
    await insertArtifact(db, {
      ...inTeam,
      title: "Quetzal ratio lesson",
      kind: "lesson",
      description: "Students compare each ratio in a table.",
      subjects: ["Math"],
    });
  } finally {
    await db.$client.end();
  }
});

test("search from the header, filter, survive a typo, and get help when nothing matches", async ({
  page,
}) => {
  await signIn(page, "coach@riverside.example");
  const header = page.getByRole("search", { name: "Search" });
  await header.getByRole("searchbox", { name: "Search Lamplight" }).fill("quetzal ratio");
  await header.getByRole("searchbox", { name: "Search Lamplight" }).press("Enter");

  await expect(page).toHaveURL(/\/search\?q=quetzal/);
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "results for “quetzal ratio”" })).toBeVisible();
  const quiz = page.getByRole("link", { name: "Quetzal ratio quiz" });
  await expect(quiz).toBeVisible();
  await expect(page.getByRole("link", { name: "Quetzal ratio lesson" })).toBeVisible();
  // The matched words are marked, as text (never as HTML from the server).
  const item = page.getByRole("article").filter({ has: quiz });
  await expect(item.locator("mark").first()).toHaveText("Quetzal");
  await expect(item).toContainText("in Grade 7 Math Team");
  await expectAccessible(page);

  // Only assessments.
  await page.getByLabel("Kind of work").selectOption({ label: "Assessment" });
  await page.getByRole("button", { name: "Search", exact: true }).last().click();
  await expect(page).toHaveURL(/kind=assessment/);
  await expect(page.getByRole("link", { name: "Quetzal ratio lesson" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Quetzal ratio quiz" })).toBeVisible();
  // Other work of the shared demo database may be close enough to be listed too, but never first.
  await expect(
    page.getByRole("article").first().getByRole("link", { name: "Quetzal ratio quiz" }),
  ).toBeVisible();
  await expectAccessible(page);

  // A standard's prefix finds it too.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Search for").fill("7.RP quetzal");
  await page.getByLabel("Search for").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "result" })).toContainText("“7.RP quetzal”");
  await expect(
    page.getByRole("article").filter({ has: page.getByRole("link", { name: "Quetzal ratio quiz" }) }),
  ).toContainText("Standards: CCSS.MATH.7.RP.A.2");

  // A typo still finds the quiz, and the page says the match is approximate.
  await page.getByLabel("Search for").fill("quetzl ratoi quiz");
  await page.getByLabel("Search for").press("Enter");
  await expect(page.getByRole("link", { name: "Quetzal ratio quiz" })).toBeVisible();
  await expect(
    page.getByText("Few exact matches, so results close to what you typed are included."),
  ).toBeVisible();
  await expectAccessible(page);

  // Nothing at all: what to try instead.
  await page.getByLabel("Search for").fill("zyxwvut qqqq");
  await page.getByLabel("Search for").press("Enter");
  await expect(page.getByText("Nothing found for “zyxwvut qqqq”")).toBeVisible();
  await expect(page.getByText("Try fewer words, check the spelling, or clear the filters.")).toBeVisible();
  await expectAccessible(page);

  // Before any words: what the box is for.
  await page.goto("/search");
  await expect(page.getByText("What are you looking for?")).toBeVisible();
  await expectAccessible(page);
});
