import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { communities } from "../server/db/schema/index.ts";
import { elf, pdf } from "../server/features/artifacts/test-files.ts";
import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

/*
 * Work samples: teacher1 opens the Grade 7 Math Team's work samples, tries to share a quiz without the
 * student-privacy attestation and with a program dressed up as a PDF (both refused next to their fields),
 * then shares a real PDF with a focusing question, sees its preview, downloads it, writes a reflection and
 * shares a second version; the work then appears under My work. axe runs on every screen.
 */

const FILES = path.resolve(".test-data/e2e-artifact-files");
const TITLE = "Proportional relationships exit quiz";
let communityId = "";
let literacyId = "";

test.beforeAll(async () => {
  await mkdir(FILES, { recursive: true });
  await writeFile(path.join(FILES, "quiz.pdf"), await pdf("Exit quiz: is y = 3x proportional? Explain."));
  await writeFile(path.join(FILES, "sneaky.pdf"), elf());
  await writeFile(path.join(FILES, "answer-key.txt"), "1. yes, the ratio y/x is always 3.\n");
  const db = connect(
    `postgres://lamplight:lamplight@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54340)}/lamplight`,
    2,
  );
  try {
    const [team] = await db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.name, "Grade 7 Math Team"));
    communityId = team?.id ?? "";
    const [literacy] = await db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.name, "Early Literacy Community of Practice"));
    literacyId = literacy?.id ?? "";
  } finally {
    await db.$client.end();
  }
});

test("a teacher shares a quiz, sees its preview, downloads it, reflects and shares a new version", async ({
  page,
}) => {
  await signIn(page, "teacher1@riverside.example");
  await page.goto(`/communities/${communityId}`);
  await page.getByRole("link", { name: "See the work samples" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Work samples" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ratio reasoning quiz" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Share work" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Share work" })).toBeVisible();
  await expectAccessible(page);

  // Student work needs the attestation: the checkbox reveals it, and leaving it out is refused there.
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("This contains student work").check();
  const attestation = page.getByRole("radiogroup", { name: "How student privacy is protected" });
  await expect(attestation).toBeVisible();
  await page.getByRole("button", { name: "Share work" }).click();
  await expect(
    page.getByRole("group", { name: "How student privacy is protected" }).or(attestation),
  ).toContainText(/confirm names and faces are removed/i);
  await expectAccessible(page);
  await page.getByLabel("This contains student work").uncheck();

  // A program named quiz.pdf is refused by its content, and the message sits under the file field.
  await page.getByLabel("Kind of work").selectOption("assessment");
  await page.getByLabel("Focusing question").fill("What am I really trying to assess?");
  await page.getByLabel("Files", { exact: true }).setInputFiles(path.join(FILES, "sneaky.pdf"));
  await page.getByRole("button", { name: "Share work" }).click();
  const filesField = page.locator(".field", { has: page.getByLabel("Files", { exact: true }) });
  await expect(filesField).toContainText("sneaky.pdf: This file is a program, not a document.");
  await expect(page.getByLabel("Files", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Files", { exact: true }).setInputFiles(path.join(FILES, "quiz.pdf"));
  await page.getByRole("button", { name: "Share work" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText("What am I really trying to assess?")).toBeVisible();
  await expect(page.getByRole("img", { name: "Preview of quiz.pdf" })).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download quiz.pdf" }).first().click(),
  ]);
  expect(download.suggestedFilename()).toBe("quiz.pdf");

  await page
    .getByRole("textbox", { name: "Reflection", exact: true })
    .fill("Question 2 tested reading more than ratios.");
  await page.getByRole("textbox", { name: "Next steps" }).fill("Rewrite question 2 with a table.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText("Your reflection is saved.")).toBeVisible();

  await page
    .getByRole("textbox", { name: "What changed" })
    .fill("Rewrote question 2 with a table; added the answer key.");
  await page.getByLabel("Add files").setInputFiles(path.join(FILES, "answer-key.txt"));
  await page.getByRole("button", { name: "Share new version" }).click();
  await expect(page.getByText("Version 2 is shared.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Files (version 2)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download answer-key.txt" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Version 1", level: 3 })).toBeVisible();
  await expect(page.getByText("Rewrote question 2 with a table; added the answer key.")).toBeVisible();
  await expectAccessible(page);

  // The owner edits the details: the standard the lead's search will look for.
  await page.getByRole("button", { name: "Edit details" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit the details of this work sample" });
  await dialog.getByRole("textbox", { name: "Standards" }).fill("CCSS.MATH.7.RP.A.2");
  await dialog.getByRole("textbox", { name: "Standards" }).press("Enter");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("The details are saved.")).toBeVisible();
  await expect(page.getByText("CCSS.MATH.7.RP.A.2")).toBeVisible();

  await page.getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
  await expectAccessible(page);
});

test("a colleague outside a community reads its empty list, with no way to share there", async ({ page }) => {
  await signIn(page, "teacher1@riverside.example");
  await page.goto(`/communities/${literacyId}/artifacts`);
  await expect(page.getByRole("heading", { level: 1, name: "Work samples" })).toBeVisible();
  await expect(page.getByText("No work samples yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Share work" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Kind of work").selectOption("rubric");
  await expect(page.getByText("No work samples of this kind.", { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/kind=rubric/);
});
