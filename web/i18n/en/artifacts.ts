/** English strings of the artifacts screens; merged into the catalogue by ../en.ts. */
export const artifactsEn = {};
