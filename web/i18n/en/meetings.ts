/** English strings of the meetings screens; merged into the catalogue by ../en.ts. */
export const meetingsEn = {};
