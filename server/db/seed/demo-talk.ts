import { and, eq, sql } from "drizzle-orm";
import { notify } from "../../features/notifications/notify.ts";
import { newId } from "../../lib/ids.ts";
import type { Tx } from "../client.ts";
import {
  artifactFeedback,
  communities,
  exemplars,
  people,
  posts,
  threadFollows,
  threads,
} from "../schema/index.ts";

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
 * presenter answered) and the lesson approved as an exemplar; the quiz is left without feedback, for the
 * README's walk-through. And a discussion in the critical friends group.
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

  await seedDemoDiscussion(tx, orgId, person.coach);
}

/**
 * A discussion in the Cross-School Critical Friends Group (the Grade 7 Math Team's discussions start
 * empty, for the walk-through): the coach asks, a member answers.
 */
async function seedDemoDiscussion(tx: Tx, orgId: string, coach: string): Promise<void> {
  const [group] = await tx
    .select({ id: communities.id })
    .from(communities)
    .where(and(eq(communities.orgId, orgId), eq(communities.name, "Cross-School Critical Friends Group")));
  const [member] = await tx
    .select({ id: people.id })
    .from(people)
    .where(eq(people.email, "teacher5@riverside.example"));
  if (!group || !member) return;
  const threadId = newId();
  const post = (authorId: string, body: string) => ({
    id: newId(),
    orgId,
    threadId,
    communityId: group.id,
    authorId,
    body,
  });
  await tx.insert(threads).values({
    id: threadId,
    orgId,
    communityId: group.id,
    title: "What makes a focusing question worth bringing?",
    authorId: coach,
    replyCount: 1,
  });
  await tx
    .insert(posts)
    .values([
      post(
        coach,
        "Before our next tuning: what made a focusing question **useful** to you as a presenter? One you could not answer alone, or one the group could actually help with?",
      ),
      post(
        member.id,
        'The best one I brought was about *one* part of my work:\n\n- not "is this lesson good?"\n- but "does the exit ticket show who can explain, not just compute?"',
      ),
    ]);
  await tx
    .insert(threadFollows)
    .values([coach, member.id].map((personId) => ({ orgId, threadId, personId })));
}
