import type { Page } from "@playwright/test";
import { expect, expectAccessible, signedInContext, test } from "./fixtures.ts";

/*
 * The acceptance test for the live room: three people on three devices (the coach facilitating,
 * teacher1 presenting, teacher2 participating) run a whole tuning protocol. The facilitator advances and
 * the others follow; warm and cool cards appear for everyone; notes typed by two people merge; a card
 * written offline arrives exactly once; ending the meeting produces minutes with the action items.
 */

const TUNING_STEPS = [
  "Welcome and norms",
  "The presenter shares the work",
  "Clarifying questions",
  "Silent writing",
  "Warm feedback",
  "Cool feedback",
  "The presenter reflects",
  "Debrief",
];

interface Meeting {
  id: string;
  title: string;
  members: { id: string; name: string }[];
  agenda: { id: string }[];
}

/** The coach schedules a meeting of the Grade 7 Math Team running the tuning protocol, through the API. */
async function scheduleTuningMeeting(coach: Page, baseURL: string): Promise<Meeting> {
  const headers = { Origin: baseURL };
  const communities = await (await coach.request.get("/api/v1/communities?scope=mine")).json();
  const community = communities.items.find((c: { name: string }) => c.name === "Grade 7 Math Team");
  expect(community, "the seeded Grade 7 Math Team").toBeTruthy();
  const protocols = await (await coach.request.get("/api/v1/protocols?q=Tuning")).json();
  const tuning = protocols.items.find(
    (p: { name: string; builtIn: boolean }) => p.builtIn && p.name === "Tuning protocol",
  );
  expect(tuning, "the built-in tuning protocol").toBeTruthy();

  const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const created = await coach.request.post(`/api/v1/communities/${community.id}/meetings`, {
    headers,
    data: {
      title: "Tuning: fraction exit tickets",
      date,
      startTime: "15:30",
      durationMinutes: 75,
      timeZone: "America/Chicago",
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const meeting = (await created.json()) as Meeting;
  const presenter = meeting.members.find((m) => m.name === "Jordan Lee");
  const item = await coach.request.post(`/api/v1/meetings/${meeting.id}/agenda-items`, {
    headers,
    data: {
      kind: "protocol",
      protocolId: tuning.id,
      presenterId: presenter?.id,
      focusingQuestion: "Do my exit tickets show who understands equivalent fractions?",
    },
  });
  expect(item.status(), await item.text()).toBe(201);
  return (await (await coach.request.get(`/api/v1/meetings/${meeting.id}`)).json()) as Meeting;
}

const stepHeading = (page: Page, title: string) =>
  page.getByRole("heading", { level: 2, name: title, exact: true });
const notesEditor = (page: Page) => page.getByRole("textbox", { name: "Shared notes of the meeting" });
const card = (page: Page, text: string) => page.getByRole("listitem").filter({ hasText: text });

async function addCard(page: Page, label: string, text: string) {
  await page.getByLabel(label).fill(text);
  await page.getByRole("button", { name: "Add card" }).click();
}

test("three people run a whole tuning protocol in the live room", async ({ browser, baseURL }) => {
  test.setTimeout(300_000); // three browsers, a projector and several accessibility scans on 2 cores
  if (!baseURL) throw new Error("baseURL is configured in playwright.config.ts");
  const coach = await signedInContext(browser, baseURL, "coach@riverside.example");
  const presenter = await signedInContext(browser, baseURL, "teacher1@riverside.example");
  const participant = await signedInContext(browser, baseURL, "teacher2@riverside.example");
  const everyone = [coach.page, presenter.page, participant.page];
  const meeting = await scheduleTuningMeeting(coach.page, baseURL);

  for (const page of everyone) {
    await page.goto(`/meetings/${meeting.id}/live`);
    await expect(page.getByRole("heading", { level: 1, name: `${meeting.title} — live` })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Connection: Live" })).toBeVisible();
    await expect(stepHeading(page, TUNING_STEPS[0] ?? "")).toBeVisible();
  }
  // Who is here: all three, with the presenter marked.
  await expect(coach.page.getByText("3 people")).toBeVisible();
  await expect(
    coach.page.getByRole("listitem").filter({ hasText: "Jordan Lee" }).getByText("Presenter"),
  ).toBeVisible();
  await expectAccessible(coach.page);
  await expectAccessible(participant.page);

  // Only the facilitator has the controls.
  await expect(participant.page.getByRole("button", { name: "Start" })).toHaveCount(0);
  await coach.page.getByRole("button", { name: "Start" }).click();
  await expect(participant.page.getByText("Starts when the facilitator begins")).toHaveCount(0);

  // Step by step; at each one the other two screens follow.
  const advanceTo = async (title: string) => {
    await coach.page.getByRole("button", { name: "Next", exact: true }).click();
    for (const page of everyone) await expect(stepHeading(page, title)).toBeVisible();
  };
  await advanceTo("The presenter shares the work");
  await expect(presenter.page.getByText("Participants: listen silently and take notes")).toBeVisible();
  await advanceTo("Clarifying questions");
  await addCard(
    participant.page,
    "Your clarifying question",
    "How long did students have for the exit ticket?",
  );
  await expect(card(presenter.page, "How long did students have")).toHaveCount(1);
  await advanceTo("Silent writing");
  await advanceTo("Warm feedback");
  await expect(
    presenter.page.getByText(/Presenter \(Jordan Lee\): listen silently and take notes/),
  ).toBeVisible();

  const warm = "The three-question format makes misconceptions easy to spot.";
  await addCard(participant.page, "Your warm feedback", warm);
  for (const page of everyone) await expect(card(page, warm)).toHaveCount(1);
  await expect(card(coach.page, warm).getByText("Samuel Okafor")).toBeVisible();

  // Shared notes: two people type at once, and every editor ends up with both texts.
  await notesEditor(coach.page).click();
  await coach.page.keyboard.type("Coach: students confuse numerator and denominator size. ");
  await notesEditor(presenter.page).click();
  await presenter.page.keyboard.type("Jordan: try a number-line item next. ");
  for (const page of everyone) {
    await expect(notesEditor(page)).toContainText("students confuse numerator and denominator size");
    await expect(notesEditor(page)).toContainText("try a number-line item next");
  }

  await advanceTo("Cool feedback");
  // The participant's network drops; the card waits on the device and arrives once it is back.
  const cool = "I wonder whether a visual model question would separate the groups further.";
  await participant.context.setOffline(true);
  await expect(participant.page.getByRole("status").filter({ hasText: "Connection: Offline" })).toBeVisible();
  await addCard(participant.page, "Your cool feedback", cool);
  await expect(
    participant.page.getByText("Saved on this device — will send when you're back online"),
  ).toBeVisible();
  await expect(card(coach.page, cool)).toHaveCount(0);
  await participant.context.setOffline(false);
  await expect(participant.page.getByRole("status").filter({ hasText: "Connection: Live" })).toBeVisible();
  for (const page of everyone) await expect(card(page, cool)).toHaveCount(1);
  await expect(participant.page.getByText("Saved on this device")).toHaveCount(0);

  // The projector on the presenter's laptop shows the step and the big timer.
  const projector = await presenter.context.newPage();
  await projector.goto(`/meetings/${meeting.id}/projector`);
  await expect(projector.getByRole("heading", { level: 1, name: "Cool feedback" })).toBeVisible();
  await expect(projector.getByRole("timer")).toHaveText(/^\d\d:\d\d$/);
  await expectAccessible(projector);

  await advanceTo("The presenter reflects");
  await expect(projector.getByRole("heading", { level: 1, name: "The presenter reflects" })).toBeVisible();
  await advanceTo("Debrief");

  // A decision and an action item recorded in the room, then the facilitator ends the meeting.
  await coach.page
    .getByLabel("Decision", { exact: true })
    .fill("Pilot the number-line item in all grade 7 classes.");
  await coach.page.getByRole("button", { name: "Add decision" }).click();
  await expect(coach.page.getByText("Decision added.")).toBeVisible();
  const actions = coach.page.getByRole("region", { name: "Action items" });
  await actions.getByLabel("What", { exact: true }).fill("Add a number-line item to the exit ticket");
  await actions.getByLabel("Owner").selectOption({ label: "Jordan Lee" });
  await actions.getByRole("button", { name: "Add action item" }).click();
  await expect(coach.page.getByText("Action item added for Jordan Lee.")).toBeVisible();
  await expectAccessible(coach.page);

  await coach.page.getByRole("button", { name: "End meeting" }).click();
  const dialog = coach.page.getByRole("alertdialog", { name: "End the meeting?" });
  await dialog.getByRole("button", { name: "End meeting" }).click();
  for (const page of everyone) {
    await expect(page.getByText("This meeting has ended")).toBeVisible();
    await expect(page.getByRole("link", { name: "Read the minutes" })).toBeVisible();
  }
  await expect(projector.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await expectAccessible(participant.page);

  // The minutes: the cards, the notes and the action item, written without anyone typing them up.
  await expect
    .poll(async () => (await coach.page.request.get(`/api/v1/meetings/${meeting.id}/minutes`)).status())
    .toBe(200);
  const minutes = await (await coach.page.request.get(`/api/v1/meetings/${meeting.id}/minutes`)).text();
  for (const text of [
    warm,
    cool,
    "Add a number-line item to the exit ticket",
    "Pilot the number-line item in all grade 7 classes.",
    "try a number-line item next",
  ])
    expect(minutes).toContain(text);

  // …and the presenter reads them in the app.
  await presenter.page.getByRole("link", { name: "Read the minutes" }).click();
  await expect(
    presenter.page.getByRole("heading", { level: 1, name: `Minutes: ${meeting.title}` }),
  ).toBeVisible();
  await expect(presenter.page.getByText("Add a number-line item to the exit ticket").first()).toBeVisible();
  await expect(presenter.page.getByText(warm).first()).toBeVisible();

  for (const { context } of [coach, presenter, participant]) await context.close();
});
