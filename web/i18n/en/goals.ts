/** English strings of the goals screens; merged into the catalogue by ../en.ts. */
export const goalsEn = {};
