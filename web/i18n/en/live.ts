/** English strings of the live screens; merged into the catalogue by ../en.ts. */
export const liveEn = {};
