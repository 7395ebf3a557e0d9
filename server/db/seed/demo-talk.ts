import { sql } from "drizzle-orm";
import { notify } from "../../features/notifications/notify.ts";
import { newId } from "../../lib/ids.ts";
import type { Tx } from "../client.ts";
import { artifactFeedback, exemplars, posts, threadFollows, threads } from "../schema/index.ts";

export type DemoTalkPlace = {
  orgId: string;
  communityId: string;
  lessonId: string;
  lessonTitle: string;
  /** People by the local part of their demo email: coach, teacher1, teacher2, teacher4. */
  person: Record<"coach" | "teacher1" | "teacher2" | "teacher4", string>;
};

/**
 * What a lived-in Grade 7 Math Team has said about its work: feedback on the lesson plan (a question the
 * presenter answered), the lesson approved as an exemplar, and a discussion with a reply. The quiz is left
 * without feedback, for the README's walk-through.
 */
export async function seedDemoTalk(tx: Tx, place: DemoTalkPlace): Promise<void> {
  const { orgId, person } = place;
  const feedback = (kind: "warm" | "cool" | "probing", body: string, by: string, answer?: string) => ({
    id: newId(),
    orgId,
    artifactId: place.lessonId,
    versionNumber: 1,
    kind,
    body,
    authorId: by,
    answer: answer ?? null,
    answeredAt: answer ? sql`now()` : null,
  });
  const given = [
    feedback("warm", "The lemonade launch gets everyone talking before any numbers appear.", person.teacher1),
    feedback(
      "cool",
      "The exit ticket has one item; a second with whole numbers would show who is close.",
      person.teacher4,
    ),
    feedback(
      "probing",
      "What would you do tomorrow with a student who compared totals instead of unit rates?",
      person.coach,
      "Start them at the ratio table from the explore phase and ask what one cup of water gets.",
    ),
  ];
  await tx.insert(artifactFeedback).values(given);
  // The presenter's bell, rung as the features ring it.
  const lessonPath = `/artifacts/${place.lessonId}`;
  const about = { orgId, communityId: place.communityId };
  for (const item of given)
    await notify(tx, [person.teacher2], {
      ...about,
      kind: "feedback",
      actorId: item.authorId,
      path: `${lessonPath}#feedback`,
      data: { artifactTitle: place.lessonTitle, feedbackKind: item.kind },
    });
  await notify(tx, [person.teacher2], {
    ...about,
    kind: "exemplar",
    actorId: person.coach,
    path: lessonPath,
    data: { event: "approved", title: place.lessonTitle },
  });
  await tx.insert(exemplars).values({
    id: newId(),
    orgId,
    artifactId: place.lessonId,
    versionNumber: 1,
    status: "approved",
    note: "A launch every teacher can run tomorrow, and an exit ticket that shows exactly who needs a reteach.",
    nominatedBy: person.teacher1,
    reviewedBy: person.coach,
    reviewedAt: sql`now()`,
    shareable: true,
  });

  const threadId = newId();
  await tx.insert(threads).values({
    id: threadId,
    orgId,
    communityId: place.communityId,
    title: "Exit tickets for unit rates: what are you seeing?",
    authorId: person.coach,
    replyCount: 1,
  });
  await tx.insert(posts).values([
    {
      id: newId(),
      orgId,
      threadId,
      communityId: place.communityId,
      authorId: person.coach,
      body: "Bring **three exit tickets** from this week: one strong, one almost, one not yet. What patterns do you see?",
    },
    {
      id: newId(),
      orgId,
      threadId,
      communityId: place.communityId,
      authorId: person.teacher2,
      body: "Most of my *almost* ones set up the ratio table but divided the wrong way.\n\n- 14 of 26 correct\n- 8 inverted the rate",
    },
  ]);
  await tx
    .insert(threadFollows)
    .values([person.coach, person.teacher2].map((personId) => ({ orgId, threadId, personId })));
}
