import { oneRosterZip, type Row } from "./oneroster-zip.ts";

/*
 * A district-sized OneRoster zip for the roster test and benchmark: `students` students in `classes`
 * classes of one school ("Riverside Middle", as the demo district has it), `perStudent` classes each,
 * one teacher per class.
 */
export function bigRoster(students: number, classes: number, perStudent: number) {
  const s = "active";
  const users: Row[] = [];
  const enrollments: Row[] = [];
  const classRows: Row[] = [];
  for (let c = 0; c < classes; c++) {
    classRows.push({
      sourcedId: `k${c}`,
      status: s,
      title: `Class ${c}`,
      courseSourcedId: "c1",
      schoolSourcedId: "o1",
      termSourcedIds: "y1",
    });
    users.push({
      sourcedId: `t${c}`,
      status: s,
      orgSourcedIds: "o1",
      role: "teacher",
      givenName: "T",
      familyName: `${c}`,
      email: `t${c}@big.example`,
    });
    enrollments.push({
      sourcedId: `et${c}`,
      status: s,
      classSourcedId: `k${c}`,
      schoolSourcedId: "o1",
      userSourcedId: `t${c}`,
      role: "teacher",
    });
  }
  for (let i = 0; i < students; i++) {
    users.push({
      sourcedId: `s${i}`,
      status: s,
      orgSourcedIds: "o1",
      role: "student",
      givenName: "Given",
      familyName: `Family ${i}`,
      identifier: `${100000 + i}`,
      grades: "07",
    });
    for (let k = 0; k < perStudent; k++)
      enrollments.push({
        sourcedId: `e${i}-${k}`,
        status: s,
        classSourcedId: `k${(i + k * 101) % classes}`,
        schoolSourcedId: "o1",
        userSourcedId: `s${i}`,
        role: "student",
      });
  }
  return oneRosterZip({
    orgs: [{ sourcedId: "o1", status: s, name: "Riverside Middle", type: "school" }],
    academicSessions: [
      {
        sourcedId: "y1",
        status: s,
        title: "2026-27",
        type: "schoolYear",
        startDate: "2026-08-15",
        endDate: "2027-06-15",
      },
    ],
    courses: [{ sourcedId: "c1", status: s, title: "Math 7", orgSourcedId: "o1" }],
    classes: classRows,
    users,
    enrollments,
  });
}
