import { and, eq } from "drizzle-orm";
import { newPseudonym } from "../../features/rosters/students-write.ts";
import { newId } from "../../lib/ids.ts";
import type { Db, Tx } from "../client.ts";
import {
  academicSessions,
  assessmentItems,
  assessmentResults,
  assessments,
  classes,
  communities,
  courses,
  enrollments,
  organizations,
  people,
  resultImports,
  schools,
  studentIdentities,
  students,
} from "../schema/index.ts";
import { DEMO_FAMILY_NAMES, DEMO_GIVEN_NAMES, DEMO_ITEMS, demoScore } from "./demo-students-data.ts";

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Riverside Middle's seventh-grade roster and the Grade 7 Math Team's two common assessments of unit 3
 * (ratios and proportional relationships): a pre-assessment six weeks ago and a common formative
 * assessment last week, so a newcomer meets a heat map with a clear weakest standard (7.RP.A.2), an item
 * whose wrong answer misled many (Q5), growth between the two, and a small support class whose results
 * are hidden from people who don't teach it. Written straight to the tables as a OneRoster import and two
 * results imports would leave them (demo-students.test.ts checks them by the app's rules). Skipped when
 * Riverside already has students.
 */
export async function seedDemoStudents(db: Db): Promise<void> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, "riverside"));
  if (!org) return;
  const [existing] = await db.select({ id: students.id }).from(students).where(eq(students.orgId, org.id));
  if (existing) return;
  await db.transaction((tx) => seedInto(tx, org.id));
}

/** The classes: title, period, teacher (email local part), how many students. */
const CLASSES = [
  { title: "Math 7 — Period 1", period: "1", teacher: "teacher1", size: 26, effect: 0.2 },
  { title: "Math 7 — Period 2", period: "2", teacher: "teacher1", size: 25, effect: 0 },
  { title: "Math 7 — Period 3", period: "3", teacher: "teacher2", size: 27, effect: 0.1 },
  { title: "Math 7 — Period 4", period: "4", teacher: "teacher2", size: 24, effect: -0.2 },
  // Smaller than the district's minimum group (10): its aggregates are hidden from non-teachers.
  { title: "Math 7 Support — Period 6", period: "6", teacher: "teacher4", size: 8, effect: -0.6 },
];

async function seedInto(tx: Tx, orgId: string) {
  const one = async <T>(rows: Promise<T[]>) => {
    const [row] = await rows;
    if (!row) throw new Error("The demo students need the demo districts seeded first.");
    return row;
  };
  const school = await one(
    tx
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.orgId, orgId), eq(schools.name, "Riverside Middle"))),
  );
  const team = await one(
    tx
      .select({ id: communities.id })
      .from(communities)
      .where(and(eq(communities.orgId, orgId), eq(communities.name, "Grade 7 Math Team"))),
  );
  const person = async (local: string) =>
    (
      await one(
        tx
          .select({ id: people.id })
          .from(people)
          .where(eq(people.email, `${local}@riverside.example`)),
      )
    ).id;
  await tx.update(schools).set({ rosterSourcedId: "org-rms" }).where(eq(schools.id, school.id));

  const yearId = newId();
  const termId = newId();
  await tx.insert(academicSessions).values([
    {
      id: yearId,
      orgId,
      sourcedId: "as-2026",
      title: "2026–27",
      type: "schoolYear",
      startDate: "2026-08-17",
      endDate: "2027-06-11",
      schoolYear: "2027",
    },
    {
      id: termId,
      orgId,
      sourcedId: "as-2026-s1",
      title: "Semester 1",
      type: "semester",
      startDate: "2026-08-17",
      endDate: "2027-01-15",
      parentId: yearId,
      schoolYear: "2027",
    },
  ]);
  const courseId = newId();
  await tx.insert(courses).values({
    id: courseId,
    orgId,
    sourcedId: "course-math7",
    schoolId: school.id,
    title: "Mathematics 7",
    courseCode: "MATH7",
    grades: ["07"],
    subjects: ["Mathematics"],
  });

  const studentsOfClass: { id: string; ability: number; effect: number }[][] = [];
  let n = 0;
  for (const [c, spec] of CLASSES.entries()) {
    const classId = newId();
    await tx.insert(classes).values({
      id: classId,
      orgId,
      sourcedId: `class-math7-p${spec.period}`,
      schoolId: school.id,
      courseId,
      title: spec.title,
      classCode: `MATH7-${spec.period}`,
      grades: ["07"],
      subjects: ["Mathematics"],
      periods: [spec.period],
      termIds: [termId],
    });
    await tx.insert(enrollments).values({
      id: newId(),
      orgId,
      sourcedId: `enr-math7-p${spec.period}-t`,
      classId,
      role: "teacher",
      personId: await person(spec.teacher),
      teacherEmail: `${spec.teacher}@riverside.example`,
      primary: true,
    });
    const roster: { id: string; ability: number; effect: number }[] = [];
    for (let i = 0; i < spec.size; i++, n++) {
      const id = newId();
      await tx
        .insert(students)
        .values({ id, orgId, pseudonym: newPseudonym(), grades: ["07"], schoolIds: [school.id] });
      await tx.insert(studentIdentities).values({
        studentId: id,
        orgId,
        sourcedId: `stu-${7001 + n}`,
        identifier: String(7_260_001 + n),
        givenName: DEMO_GIVEN_NAMES[n % DEMO_GIVEN_NAMES.length] ?? "Sam",
        familyName: DEMO_FAMILY_NAMES[(n * 7) % DEMO_FAMILY_NAMES.length] ?? "Lee",
      });
      await tx.insert(enrollments).values({
        id: newId(),
        orgId,
        sourcedId: `enr-math7-p${spec.period}-${n}`,
        classId,
        role: "student",
        studentId: id,
      });
      roster.push({ id, ability: ((n * 37) % 41) / 10 - 2, effect: spec.effect });
    }
    studentsOfClass[c] = roster;
  }

  const coach = await person("coach");
  const everyone = studentsOfClass.flat();
  for (const when of ["pre", "post"] as const) {
    const assessmentId = newId();
    await tx.insert(assessments).values({
      id: assessmentId,
      orgId,
      communityId: team.id,
      title:
        when === "pre" ? "Unit 3 Ratios — pre-assessment" : "Unit 3 Ratios — common formative assessment",
      givenOn: days(when === "pre" ? -42 : -7),
      masteryPercent: 80,
      createdBy: coach,
    });
    const itemIds = DEMO_ITEMS.map(() => newId());
    await tx.insert(assessmentItems).values(
      DEMO_ITEMS.map((item, position) => ({
        id: itemIds[position] ?? newId(),
        orgId,
        assessmentId,
        label: item.label,
        position,
        kind: item.kind,
        standard: item.standard,
        maxPoints: item.maxPoints,
        answerKey: item.answerKey,
      })),
    );
    const importId = newId();
    await tx.insert(resultImports).values({
      id: importId,
      orgId,
      assessmentId,
      shape: "wide",
      status: "completed",
      fileName: when === "pre" ? "unit3-pre.csv" : "unit3-cfa.csv",
      fileSha256: `demo-${when}`,
      mapping: { shape: "wide", student: "Student ID" },
      rowsRead: everyone.length,
      rowsImported: everyone.length * DEMO_ITEMS.length,
      createdBy: coach,
      finishedAt: new Date(),
    });
    const rows = everyone.flatMap((s, si) =>
      DEMO_ITEMS.map((item, i) => {
        const { score, response } = demoScore(item, s.ability + s.effect, when, si * 31 + i);
        return {
          orgId,
          assessmentId,
          itemId: itemIds[i] ?? "",
          studentId: s.id,
          score,
          response,
          importId,
        };
      }),
    );
    for (let i = 0; i < rows.length; i += 500)
      await tx.insert(assessmentResults).values(rows.slice(i, i + 500));
  }
}
