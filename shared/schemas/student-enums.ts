/** The fixed vocabularies of rosters, students and assessment results (capability 5). */

/** OneRoster academic session types. */
export const sessionTypes = ["schoolYear", "term", "semester", "gradingPeriod"] as const;
export type SessionType = (typeof sessionTypes)[number];

/** OneRoster enrollment roles Lamplight keeps (administrators, guardians and others are not enrolled). */
export const enrollmentRoles = ["student", "teacher", "aide"] as const;
export type EnrollmentRole = (typeof enrollmentRoles)[number];

/** A OneRoster import replaces everything it covers (bulk) or applies changes (delta). */
export const rosterImportKinds = ["bulk", "delta"] as const;
export type RosterImportKind = (typeof rosterImportKinds)[number];

export const importStatuses = ["validating", "failed", "completed", "deleted"] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** How a results file is laid out: one row per student and item, or one row per student. */
export const resultShapes = ["long", "wide"] as const;
export type ResultShape = (typeof resultShapes)[number];

/** An item is scored in points, or answered with a choice (a letter) checked against its key. */
export const itemKinds = ["points", "choice"] as const;
export type ItemKind = (typeof itemKinds)[number];

export const groupPurposes = ["intervention", "extension"] as const;
export type GroupPurpose = (typeof groupPurposes)[number];
