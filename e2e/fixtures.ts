import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "lamplight-demo";

/** Signs in through the sign-in screen, as a person would, and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** Another person on another device: a browser context of its own (cookies, storage), signed in. */
export async function signedInContext(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** Runs axe (WCAG 2.2 A/AA rules) on the screen as it is now; any violation fails with its details. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `axe found violations on ${page.url()}`).toEqual([]);
}

/**
 * Waits for a toast's message, then dismisses it and moves the pointer off the toasts: the next action's
 * message is then its own (not an earlier one still showing), and a toast is never pinned by the hover
 * that pauses its timer, covering the next button clicked there.
 */
export async function expectToast(page: Page, message: string) {
  const toast = page.getByText(message);
  await expect(toast).toBeVisible();
  await page.locator(".toast", { has: toast }).getByRole("button", { name: "Dismiss" }).click();
  await expect(toast).toHaveCount(0);
  await page.mouse.move(0, 0);
}

export const test = base;
export { expect };
