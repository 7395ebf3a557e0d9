import { and, eq } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { communities, notifications } from "../server/db/schema/index.ts";
import { personIdOf } from "../server/test/factories.ts";
import { expect, expectAccessible, signedInContext, signIn, test } from "./fixtures.ts";

/*
 * A member (Jordan Lee) starts a discussion in the Grade 7 Math Team; a colleague (Samuel Okafor)
 * replies mentioning Jordan through the @ suggestions, and then posts HTML that tries to run script,
 * which shows as harmless text; Jordan edits the opening post and reads its history; the facilitator
 * (Priya Natarajan) pins the discussion.
 */

const TITLE = "Exit tickets that tell us something";
const XSS = '<img src=x onerror="window.__xss=1;alert(1)"> <script>window.__xss=2;alert(2)</script>';

const connectToServerDb = () =>
  connect(
    `postgres://lamplight:lamplight@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54340)}/lamplight`,
    2,
  );

let communityId = "";
test.beforeAll(async () => {
  const db = connectToServerDb();
  try {
    const [team] = await db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.name, "Grade 7 Math Team"));
    communityId = team?.id ?? "";
  } finally {
    await db.$client.end();
  }
});

test("members discuss, mention, edit with history; script stays text; a facilitator pins", async ({
  page,
  browser,
  baseURL,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // Jordan starts the discussion from the community page.
  await signIn(page, "teacher1@riverside.example");
  await page.goto(`/communities/${communityId}`);
  await expect(page.getByRole("heading", { name: "Discussions", level: 2 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "All discussions in Grade 7 Math Team" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Discussions in Grade 7 Math Team" }),
  ).toBeVisible();
  await expect(page.getByText("No discussions yet")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Start a discussion" }).click();
  await page.getByRole("button", { name: "Post discussion" }).click();
  await expect(page.getByRole("alert").getByText("Enter a title for the discussion.").first()).toBeVisible();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Your post").fill("What **one** question do you ask at the end of class?");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview of Your post" });
  await expect(preview.locator("strong")).toHaveText("one");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Post discussion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop following" })).toBeVisible();
  const threadUrl = page.url();
  await expectAccessible(page);

  // Samuel replies, mentioning Jordan through the suggestions (keyboard only).
  const samuel = await signedInContext(browser, baseURL, "teacher2@riverside.example");
  const other = samuel.page;
  other.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await other.goto(threadUrl);
  const reply = other.getByLabel("Your reply");
  await reply.fill("Great question, @Jor");
  const option = other.getByRole("option", { name: /Jordan Lee/ });
  await expect(option).toBeVisible();
  await expect(reply).toHaveAttribute("aria-activedescendant", /mention-0/);
  await expectAccessible(other);
  await reply.press("Enter");
  await expect(other.getByRole("listbox")).toHaveCount(0);
  await expect(reply).toHaveValue(/Great question, @\[Jordan Lee\]\([0-9a-f-]{36}\) $/);
  await reply.press("End");
  await reply.pressSequentially("I ask what they would teach a friend.");
  await other.getByRole("button", { name: "Post reply" }).click();
  const second = other.getByRole("article", { name: "Post 2 by Samuel Okafor" });
  await expect(second.locator(".mention")).toHaveText("@Jordan Lee");

  // Jordan is told in the app.
  const db = connectToServerDb();
  try {
    const jordan = await personIdOf(db, "teacher1@riverside.example");
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, jordan), eq(notifications.kind, "mention")));
    expect(told.map((n) => n.path)).toContain(new URL(threadUrl).pathname);
  } finally {
    await db.$client.end();
  }

  // HTML that tries to run script is shown as the text it is.
  await reply.fill(XSS);
  await other.getByRole("button", { name: "Post reply" }).click();
  const third = other.getByRole("article", { name: "Post 3 by Samuel Okafor" });
  await expect(third).toContainText("<img src=x onerror=");
  await expect(third).toContainText("<script>window.__xss=2");
  await expect(third.locator("img, script, iframe, svg")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("article", { name: "Post 3 by Samuel Okafor" })).toContainText("<script>");
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await other.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await samuel.context.close();

  // Jordan edits the opening post; the earlier text is in its history.
  await page.getByRole("button", { name: "Edit post 1" }).click();
  await page.getByLabel("Edit your post").fill("What **single** question do you ask at the end of class?");
  await page.getByRole("button", { name: "Save changes" }).click();
  const first = page.getByRole("article", { name: "Post 1 by Jordan Lee" });
  await expect(first.locator("strong")).toHaveText("single");
  await expect(first.locator(".post__edited")).toHaveText(/edited/);
  await page.getByRole("button", { name: "History of post 1" }).click();
  const history = page.getByRole("dialog", { name: "Earlier versions of post 1" });
  await expect(history.locator("strong")).toHaveText("one");
  await expectAccessible(page);
  await history.getByRole("button", { name: "Close" }).click();

  // The facilitator pins it; the list shows it pinned, in words.
  const priya = await signedInContext(browser, baseURL, "coach@riverside.example");
  await priya.page.goto(threadUrl);
  await priya.page.getByRole("button", { name: "Pin to the top" }).click();
  await expect(priya.page.getByRole("button", { name: "Unpin" })).toBeVisible();
  await priya.page.getByRole("link", { name: "All discussions in Grade 7 Math Team" }).click();
  const entry = priya.page.getByRole("listitem").filter({ hasText: TITLE });
  await expect(entry.getByText("Pinned")).toBeVisible();
  await expect(entry.getByText("2 replies")).toBeVisible();
  await expectAccessible(priya.page);
  await priya.context.close();

  expect(dialogs).toEqual([]);
});
