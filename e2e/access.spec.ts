import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

test("a partner cannot open a private community they are not in", async ({ page, browser }) => {
  // Find the private community's address as its facilitator sees it.
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await signIn(coach, "coach@riverside.example");
  await coach.getByRole("link", { name: "Cross-School Critical Friends Group" }).first().click();
  await expect(
    coach.getByRole("heading", { level: 1, name: "Cross-School Critical Friends Group" }),
  ).toBeVisible();
  const privateUrl = coach.url();
  await coachContext.close();

  await signIn(page, "partner@riverside.example");
  await expect(page.getByText("Family Engagement Team").first()).toBeVisible();
  await expect(page.getByText("Cross-School Critical Friends Group")).toHaveCount(0);
  await page.goto(privateUrl);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Cross-School Critical Friends Group");
  await expect(page.getByText("This community isn't here")).toBeVisible();
  await expect(page.getByText("Bring a piece of our own work")).toHaveCount(0);
  await expectAccessible(page);
});

test("signing in with a wrong password says so, and sign-in pages are accessible", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByLabel("Email").fill("coach@riverside.example");
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByText("That email and password don't match an account. Check both and try again."),
  ).toBeVisible();
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectAccessible(page);
});

test("a teacher discovers a district-visible community and asks to join", async ({ page }) => {
  await signIn(page, "teacher3@riverside.example");
  await page.getByRole("link", { name: "Communities" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Early Literacy Community of Practice" }).first().click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Early Literacy Community of Practice" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Request to join", exact: true }).click();
  await expect(page.getByText("A facilitator will review your request.").first()).toBeVisible();
  await expectAccessible(page);
});

test("a facilitator edits their community's vision and norms", async ({ page }) => {
  await signIn(page, "teacher5@riverside.example");
  await page.getByRole("link", { name: "Family Engagement Team" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Family Engagement Team" })).toBeVisible();
  await page.getByRole("link", { name: "Edit community" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit Family Engagement Team" })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByLabel("Shared vision")
    .fill("Every family feels welcome to talk with us about their child's learning.");
  await page.getByRole("button", { name: "Add a norm" }).click();
  await page.getByLabel("Norm 4").fill("Offer interpretation at every meeting.");
  await page.getByRole("button", { name: "Move norm 4 up" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Family Engagement Team" })).toBeVisible();
  await expect(
    page.getByText("Every family feels welcome to talk with us about their child's learning."),
  ).toBeVisible();
  const norms = page.getByRole("list").filter({ hasText: "Offer interpretation at every meeting." });
  await expect(norms.getByRole("listitem").nth(2)).toHaveText("Offer interpretation at every meeting.");
});

test("Lamplight opened at another of its own addresses still signs in", async ({ page, baseURL }) => {
  // The server's PUBLIC_URL is 127.0.0.1; a person who typed localhost is on the same server.
  const other = (baseURL ?? "").replace("127.0.0.1", "localhost");
  await page.goto(`${other}/sign-in`);
  await page.getByLabel("Email").fill("teacher1@riverside.example");
  await page.getByLabel("Password", { exact: true }).fill("lamplight-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(page.getByText("Grade 7 Math Team").first()).toBeVisible();
});
