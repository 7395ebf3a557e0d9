import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { newId } from "../../lib/ids.ts";
import type { ObjectStore } from "../../storage/index.ts";
import type { Db } from "../client.ts";
import {
  artifactFiles,
  artifacts,
  artifactVersions,
  communities,
  organizations,
  people,
} from "../schema/index.ts";
import { seedDemoTalk } from "./demo-talk.ts";

/** A small real PDF, made at seed time so the demo shows a preview and a download. */
function quizPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", margin: 56 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  doc.fontSize(20).text("Ratio reasoning quiz (Grade 7)").moveDown();
  doc.fontSize(12).text("Name: ______________________").moveDown();
  const questions = [
    "A recipe uses 3 cups of flour for 2 cups of sugar. How much sugar for 9 cups of flour?",
    "Is the relationship between hours worked and pay proportional? $45 for 3 hours, $75 for 5 hours.",
    "Find the unit rate: 240 miles in 4 hours.",
    "Graph y = 2.5x. What does the point (1, 2.5) mean in context?",
    "Explain how you know whether a table shows a proportional relationship.",
  ];
  for (const [i, q] of questions.entries()) doc.text(`${i + 1}. ${q}`).moveDown();
  doc.end();
  return new Promise((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
}

const LESSON = `Lesson plan: unit rates with recipes (Grade 7)

Objective: students compute unit rates with fractions (CCSS.MATH.7.RP.A.1).
Launch (10 min): two lemonade recipes; which is stronger? Turn and talk.
Explore (20 min): groups scale recipes up and down, record in ratio tables.
Discuss (10 min): which strategies compared unit rates? Which compared totals?
Exit ticket: 1/2 cup of lemon juice per 3/4 cup of water; how much juice per cup of water?
`;

/**
 * Demo work samples in Riverside's Grade 7 Math Team: a quiz (PDF) with a focusing question and a lesson
 * plan (text). Files go through the store; skipped when they are already there.
 */
export async function seedDemoArtifacts(db: Db, store: ObjectStore): Promise<void> {
  const [team] = await db
    .select({ id: communities.id, orgId: communities.orgId })
    .from(communities)
    .innerJoin(organizations, eq(organizations.id, communities.orgId))
    .where(and(eq(organizations.slug, "riverside"), eq(communities.name, "Grade 7 Math Team")));
  if (!team) return;
  const [existing] = await db
    .select({ id: artifacts.id })
    .from(artifacts)
    .where(eq(artifacts.communityId, team.id))
    .limit(1);
  if (existing) return;
  const personId = async (email: string) =>
    (await db.select({ id: people.id }).from(people).where(eq(people.email, email)))[0]?.id;
  const teacher1 = await personId("teacher1@riverside.example");
  const teacher2 = await personId("teacher2@riverside.example");
  const teacher4 = await personId("teacher4@riverside.example");
  const coach = await personId("coach@riverside.example");
  if (!teacher1 || !teacher2 || !teacher4 || !coach) return;

  const quiz = await store.put(Readable.from(await quizPdf()), { contentType: "application/pdf" });
  const lesson = await store.put(Readable.from(Buffer.from(LESSON)), { contentType: "text/plain" });
  const samples = [
    {
      ownerId: teacher1,
      title: "Ratio reasoning quiz",
      kind: "assessment" as const,
      description: "A 5-question quiz I give at the end of the proportional relationships unit.",
      focusingQuestion: "What am I really trying to assess with these questions?",
      subjects: ["Mathematics"],
      gradeBands: ["6-8"],
      standards: ["CCSS.MATH.7.RP.A.2"],
      topics: ["Proportional reasoning"],
      rubricCriteria: ["Alignment to the standard", "Clarity of the questions"],
      file: {
        name: "ratio-quiz.pdf",
        mediaType: "application/pdf",
        object: quiz,
        preview: "pending" as const,
      },
    },
    {
      ownerId: teacher2,
      title: "Unit rates with recipes (lesson plan)",
      kind: "lesson" as const,
      description: "A launch–explore–discuss lesson on unit rates with fractions.",
      focusingQuestion: "Does the exit ticket tell me who can compute a unit rate with fractions?",
      subjects: ["Mathematics"],
      gradeBands: ["6-8"],
      standards: ["CCSS.MATH.7.RP.A.1"],
      topics: ["Unit rates"],
      rubricCriteria: [],
      file: {
        name: "unit-rates-lesson.txt",
        mediaType: "text/plain; charset=utf-8",
        object: lesson,
        preview: "none" as const,
      },
    },
  ];
  await db.transaction(async (tx) => {
    const ids: string[] = []; // in the order of `samples`: the quiz, then the lesson
    for (const { file, ...sample } of samples) {
      const id = newId();
      ids.push(id);
      const versionId = newId();
      await tx.insert(artifacts).values({ ...sample, id, orgId: team.orgId, communityId: team.id });
      await tx
        .insert(artifactVersions)
        .values({ id: versionId, orgId: team.orgId, artifactId: id, number: 1, createdBy: sample.ownerId });
      await tx.insert(artifactFiles).values({
        id: newId(),
        orgId: team.orgId,
        artifactId: id,
        versionId,
        position: 0,
        name: file.name,
        storageKey: file.object.key,
        mediaType: file.mediaType,
        sizeBytes: file.object.sizeBytes,
        sha256: file.object.sha256,
        previewStatus: file.preview,
      });
    }
    const lessonId = ids[1] ?? "";
    const lessonTitle = samples[1]?.title ?? "";
    await seedDemoTalk(tx, {
      orgId: team.orgId,
      communityId: team.id,
      lessonId,
      lessonTitle,
      person: { coach, teacher1, teacher2, teacher4 },
    });
  });
}
