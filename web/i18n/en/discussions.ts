/** English strings of the discussions screens; merged into the catalogue by ../en.ts. */
export const discussionsEn = {};
