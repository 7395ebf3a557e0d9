import { sampleRoster } from "../server/test/oneroster-zip.ts";

/**
 * A one-class roster at Riverside Middle for a browser test: `count` students with district ids
 * `<run>1` … `<run><count>` and given names Kid1 …, taught by `teacherEmail`, everything named after the
 * run so specs sharing the demo database never meet each other's rows. Import it as a delta: a bulk
 * file would deactivate the demo's roster.
 */
export function classRoster(run: string, count: number, teacherEmail: string) {
  const r = sampleRoster({ school: "Riverside Middle", teacherEmail, prefix: run });
  const [first] = r.users?.filter((u) => u.role === "student") ?? [];
  const [enrolment] = r.enrollments?.filter((e) => e.role === "student") ?? [];
  r.users = r.users?.filter((u) => u.role !== "student");
  r.enrollments = r.enrollments?.filter((e) => e.role !== "student");
  for (let n = 1; n <= count; n++) {
    r.users?.push({
      ...first,
      sourcedId: `${run}-s${n}`,
      username: `s${n}`,
      identifier: `${run}${n}`,
      givenName: `Kid${n}`,
    });
    r.enrollments?.push({ ...enrolment, sourcedId: `${run}-se${n}`, userSourcedId: `${run}-s${n}` });
  }
  if (r.classes?.[0]) r.classes[0].title = `Math 7 ${run}`;
  return r;
}
