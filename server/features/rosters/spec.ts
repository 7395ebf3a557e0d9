/*
 * The OneRoster 1.1 and 1.2 CSV files Lamplight reads (1.2's roles.csv gives users their roles when
 * users.csv has no role column; demographics.csv is never read: Lamplight keeps no demographics), their columns as the spec names them, which are required,
 * and how each value is checked. Headers match case-insensitively (exports differ), reported as the spec
 * spells them. Columns Lamplight does not use are read and ignored.
 */

export const ROSTER_FILES = [
  "orgs",
  "academicSessions",
  "courses",
  "classes",
  "roles",
  "users",
  "enrollments",
] as const;
export type RosterFile = (typeof ROSTER_FILES)[number];

type Check = "date" | "datetime" | "status" | "boolean" | { oneOf: readonly string[] };
export type Column = { name: string; required?: boolean; check?: Check };

/** The roles of 1.1 and 1.2 (1.2 splits administrators and adds counselors); only the staff and students count. */
const ROLES = [
  "administrator",
  "aide",
  "counselor",
  "districtAdministrator",
  "guardian",
  "parent",
  "principal",
  "proctor",
  "relative",
  "siteAdministrator",
  "student",
  "systemAdministrator",
  "teacher",
] as const;

const common: Column[] = [
  { name: "sourcedId", required: true },
  { name: "status", check: "status" },
  { name: "dateLastModified", check: "datetime" },
];

export const COLUMNS: Record<RosterFile, Column[]> = {
  orgs: [
    ...common,
    { name: "name", required: true },
    {
      name: "type",
      required: true,
      check: { oneOf: ["department", "school", "district", "local", "state", "national"] },
    },
    { name: "identifier" },
    { name: "parentSourcedId" },
  ],
  academicSessions: [
    ...common,
    { name: "title", required: true },
    { name: "type", required: true, check: { oneOf: ["gradingPeriod", "semester", "schoolYear", "term"] } },
    { name: "startDate", required: true, check: "date" },
    { name: "endDate", required: true, check: "date" },
    { name: "parentSourcedId" },
    { name: "schoolYear" },
  ],
  courses: [
    ...common,
    { name: "schoolYearSourcedId" },
    { name: "title", required: true },
    { name: "courseCode" },
    { name: "grades" },
    { name: "orgSourcedId", required: true },
    { name: "subjects" },
  ],
  classes: [
    ...common,
    { name: "title", required: true },
    { name: "grades" },
    { name: "courseSourcedId", required: true },
    { name: "classCode" },
    { name: "classType", check: { oneOf: ["homeroom", "scheduled"] } },
    { name: "schoolSourcedId", required: true },
    { name: "termSourcedIds", required: true },
    { name: "subjects" },
    { name: "periods" },
  ],
  // 1.2 may leave the role out of users.csv and give it in roles.csv (checked in validate-users.ts).
  roles: [
    ...common,
    { name: "userSourcedId", required: true },
    { name: "roleType", required: true, check: { oneOf: ["primary", "secondary"] } },
    { name: "role", required: true, check: { oneOf: ROLES } },
    { name: "orgSourcedId", required: true },
    { name: "userProfileSourcedId" },
    { name: "beginDate", check: "date" },
    { name: "endDate", check: "date" },
  ],
  users: [
    ...common,
    { name: "enabledUser", check: "boolean" },
    // Required unless roles.csv gives them (1.2): checked in validate-rows.ts.
    { name: "orgSourcedIds" },
    { name: "role", check: { oneOf: ROLES } },
    { name: "username" },
    { name: "givenName", required: true },
    { name: "familyName", required: true },
    // 1.1 and 1.2's CSV say preferredFirstName; 1.2's data model says preferredGivenName.
    { name: "preferredFirstName" },
    { name: "preferredGivenName" },
    { name: "identifier" },
    { name: "email" },
    { name: "grades" },
  ],
  enrollments: [
    ...common,
    { name: "classSourcedId", required: true },
    { name: "schoolSourcedId", required: true },
    { name: "userSourcedId", required: true },
    { name: "role", required: true, check: { oneOf: ROLES } },
    { name: "primary", check: "boolean" },
    { name: "beginDate", check: "date" },
    { name: "endDate", check: "date" },
  ],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: string) =>
  DATE.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** What is wrong with one value, or null. */
export function checkValue(column: Column, value: string, delta: boolean): string | null {
  if (value === "") {
    if (column.required) return "is required and empty.";
    if (delta && (column.name === "status" || column.name === "dateLastModified"))
      return "is required in a delta file.";
    return null;
  }
  const c = column.check;
  if (c === "date" && !validDate(value)) return `"${value}" is not a date in the form YYYY-MM-DD.`;
  if (c === "datetime" && !(validDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value))))
    return `"${value}" is not a date and time (YYYY-MM-DDTHH:MM:SSZ).`;
  if (c === "status" && !["active", "tobedeleted"].includes(value))
    return `"${value}" must be active or tobedeleted.`;
  if (c === "boolean" && !["true", "false"].includes(value.toLowerCase()))
    return `"${value}" must be true or false.`;
  if (typeof c === "object" && !c.oneOf.includes(value))
    return `"${value}" must be one of: ${c.oneOf.join(", ")}.`;
  return null;
}

/** A OneRoster list field ("07,08"): its values, trimmed, without blanks. */
export const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
