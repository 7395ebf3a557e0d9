import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, expectToast, signIn, test } from "./fixtures.ts";

/*
 * Sending and answering a survey in the browser: the coach sends the community-health self-assessment to
 * her team from the community page; a teacher answers it on a phone-sized screen, closes the browser
 * half-way, signs in again and finds her draft, submits; the coach sees the count. axe on the send,
 * administration and answer pages. The title is unique to this run.
 */

const PHONE = { width: 390, height: 844 };

async function phone(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, "teacher1@riverside.example");
  return { context, page };
}

async function openSurvey(page: Page, title: string) {
  await page.goto("/");
  const needsMe = page.getByRole("region", { name: "What needs you" });
  await needsMe.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("the coach sends the health check to her team; a teacher answers on her phone, across two sign-ins", async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `Team health ${Date.now().toString(36)}`;
  await signIn(page, "coach@riverside.example");
  await page.goto("/communities?scope=mine");
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  const surveys = page.getByRole("region", { name: "Surveys", exact: true });
  await surveys.getByRole("link", { name: "Check the team's health" }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: "Send “Community health self-assessment”" }),
  ).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Grade 7 Math Team/ })).toBeChecked();
  await expect(page.getByLabel("Anonymous")).toBeChecked();
  await page.getByLabel("Title people see").fill(title);
  await page.getByLabel("Minimum responses before results show").fill("2");
  await page.getByRole("button", { name: "Send survey" }).click();
  // Below 3 is refused next to the field.
  await expect(page.getByText("Ask for at least 3 responses.").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Minimum responses before results show").fill("3");
  await page.getByRole("button", { name: "Send survey" }).click();
  await expectToast(page, "Survey sent.");

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // Earlier specs may have brought more people into the team: the count is whoever it was sent to.
  const sent = await page.request.get(`/api/v1/survey-administrations/${page.url().split("/").pop()}`);
  const { recipients } = (await sent.json()) as { recipients: number };
  expect(recipients).toBeGreaterThanOrEqual(4);
  await expect(page.getByText(`0 of ${recipients} have answered`)).toBeVisible();
  await expect(page.getByRole("link", { name: "See results" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remind those who haven't answered" })).toBeVisible();
  await expectAccessible(page);
  const administrationUrl = page.url();

  // The teacher, on her phone: the survey waits on Home; she answers three statements and leaves.
  const first = await phone(browser, baseURL);
  await openSurvey(first.page, title);
  await expect(first.page.getByText(/^Anonymous: your name is never shown with your answers/)).toBeVisible();
  await expectAccessible(first.page);
  const groups = first.page.getByRole("radiogroup");
  for (const i of [0, 1, 2]) await groups.nth(i).getByRole("radio", { name: "Agree", exact: true }).check();
  await groups.nth(3).getByRole("radio", { name: "Strongly agree", exact: true }).check();
  await expect(first.page.getByText(/^Draft saved/)).toBeVisible();
  const width = await first.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
  await first.context.close();

  // Signed in again on a fresh browser: the draft is there; she finishes and submits.
  const second = await phone(browser, baseURL);
  await openSurvey(second.page, title);
  const again = second.page.getByRole("radiogroup");
  await expect(again.nth(0).getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
  await expect(again.nth(3).getByRole("radio", { name: "Strongly agree", exact: true })).toBeChecked();
  await second.page.getByRole("button", { name: "Submit answers" }).click();
  await expect(second.page.getByRole("link", { name: "Answer this question." }).first()).toBeVisible();
  const total = await again.count();
  for (let i = 4; i < total; i++)
    await again.nth(i).getByRole("radio", { name: "Disagree", exact: true }).check();
  await second.page.getByRole("button", { name: "Submit answers" }).click();
  await expectToast(second.page, "Your answers were submitted.");
  await expect(second.page.getByRole("button", { name: "Change my answers" })).toBeVisible();
  await expectAccessible(second.page);
  await second.context.close();

  // The coach sees the count.
  await page.goto(administrationUrl);
  await expect(page.getByText(`1 of ${recipients} have answered`)).toBeVisible();
  await expect(page.getByText(/nobody, you included, can see who has answered/)).toBeVisible();

  // She reminds the two who have not answered (not herself), then closes it early.
  await page.getByRole("button", { name: "Remind those who haven't answered" }).click();
  // Everyone but the coach (who sent it) and the teacher who answered.
  await expectToast(page, `Reminded ${recipients - 2} people.`);
  await expect(page.getByRole("button", { name: "Remind those who haven't answered" })).toBeDisabled();
  await page.getByRole("button", { name: "Close now" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Close now" }).click();
  await expectToast(page, "Survey closed.");
  await expect(page.getByText("Closed", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Close now" })).toHaveCount(0);
  await expectAccessible(page);
});
