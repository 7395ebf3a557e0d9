import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

/** A calendar day (YYYY-MM-DD) in New York — the demo coach's time zone — `days` from today. */
function day(days: number): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/New_York",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + days * 86_400_000));
}

/** The first day from `days` on that is a Tuesday (in New York). */
function nextTuesday(days: number): string {
  for (let i = days; i < days + 7; i++) {
    const date = day(i);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === 2) return date;
  }
  throw new Error("unreachable");
}

test("a coach schedules a weekly meeting, plans its agenda, cancels one occurrence and finds it on home", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "coach@riverside.example");
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 Math Team" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Meetings", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Schedule a meeting" }).first().click();

  // The schedule form: a mistake is shown next to its field, then fixed.
  await expect(page.getByRole("heading", { level: 1, name: "Schedule a meeting" })).toBeVisible();
  const first = nextTuesday(2);
  await page.getByLabel("Title").fill("Grade 7 weekly planning");
  await page.getByLabel("Date").fill(first);
  // Early morning: the live-room spec schedules this community in the afternoon, and overlaps are refused.
  await page.getByLabel("Start time").fill("07:30");
  await page.getByLabel("Length in minutes").fill("0");
  await page.getByLabel("Place").fill("Room 204");
  await page.getByRole("radio", { name: "Every week, or every few weeks" }).check();
  await expect(page.getByRole("checkbox", { name: "Tuesday" })).toBeChecked();
  await page.getByLabel("Until").fill(day(60));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(page.getByText("A meeting lasts at least 1 minute.").first()).toBeVisible();
  await expect(page.getByLabel("Length in minutes")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Length in minutes").fill("75");
  await page.getByRole("button", { name: "Schedule meeting" }).click();

  // The first occurrence's page, with the series in words.
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 weekly planning" })).toBeVisible();
  await expect(page.getByText(/Every week on Tuesday at 7:30 AM \(America\/New_York\)/)).toBeVisible();
  await expect(page.getByText("0 of 75 minutes planned")).toBeVisible();
  await expectAccessible(page);

  // Agenda: a tuning protocol run with a presenter and a focusing question, then an action review.
  await page.getByRole("button", { name: "Add an agenda item" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an agenda item" });
  await expect(dialog.getByLabel("Kind of item")).toHaveValue("protocol");
  await dialog.getByLabel("Protocol", { exact: true }).selectOption({ label: "Tuning protocol · 60 min" });
  await expect(dialog.getByLabel("Minutes", { exact: true })).toHaveValue("60");
  await dialog.getByLabel("Presenter").selectOption({ label: "Jordan Lee" });
  await dialog.getByLabel("Focusing question").fill("Which quiz items show real understanding of ratios?");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Add item" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole("heading", { name: "1. Tuning protocol" })
      .or(page.getByRole("heading", { name: "Tuning protocol" })),
  ).toBeVisible();
  await expect(page.getByText("Presenter: Jordan Lee")).toBeVisible();

  await page.getByRole("button", { name: "Add an agenda item" }).click();
  await dialog.getByLabel("Kind of item").selectOption({ label: "Review of open action items" });
  await dialog.getByLabel("Minutes", { exact: true }).fill("10");
  await dialog.getByRole("button", { name: "Add item" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("70 of 75 minutes planned")).toBeVisible();
  await page.getByRole("button", { name: "Move Review of open action items up" }).click();
  await expect(page.locator(".agenda__title").first()).toHaveText("Review of open action items");
  await page.getByRole("button", { name: "Move Tuning protocol up" }).click();
  await expect(page.locator(".agenda__title").first()).toHaveText("Tuning protocol");

  // Roles.
  await page.getByRole("button", { name: "Assign roles" }).click();
  const roles = page.getByRole("dialog", { name: "Assign roles for this meeting" });
  await roles.getByLabel("Timekeeper").selectOption({ label: "Samuel Okafor" });
  await roles.getByRole("button", { name: "Save roles" }).click();
  await expect(roles).toBeHidden();
  await expect(page.getByText("Samuel Okafor")).toBeVisible();
  await expectAccessible(page);

  // Cancel the second occurrence from the community's list of meetings.
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await page.getByRole("link", { name: "All meetings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings · Grade 7 Math Team" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Grade 7 weekly planning" }).nth(1).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 weekly planning" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel this meeting" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel meeting" }).click();
  await expect(page.getByText("This meeting is cancelled.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore this meeting" })).toBeVisible();
  await expectAccessible(page);

  // Home: the next meeting is among the upcoming ones.
  await page.getByRole("link", { name: "Home" }).first().click();
  const upcoming = page.getByRole("region", { name: "Upcoming meetings" });
  await expect(upcoming.getByRole("link", { name: "Grade 7 weekly planning" }).first()).toBeVisible();
  await expectAccessible(page);

  // Profile: a private calendar link to subscribe with.
  await page.getByRole("link", { name: "Profile" }).first().click();
  await page.getByRole("button", { name: "Create my calendar link" }).click();
  await expect(page.getByText(/\/calendar\/feeds\/[\w-]+\.ics/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Make a new link" })).toBeVisible();
  await expectAccessible(page);
});

test("a member reads the meeting and its agenda but has nothing to change", async ({ page }) => {
  await signIn(page, "teacher1@riverside.example");
  const upcoming = page.getByRole("region", { name: "Upcoming meetings" });
  await upcoming.getByRole("link", { name: "Critical friends: weekly meeting" }).first().click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Critical friends: weekly meeting" }),
  ).toBeVisible();
  await expect(page.getByText("Presenter: Jordan Lee")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add an agenda item" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel this meeting" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add to calendar (.ics)" })).toBeVisible();
  await expectAccessible(page);
});
