/** English strings of the search screens; merged into the catalogue by ../en.ts. */
export const searchEn = {};
