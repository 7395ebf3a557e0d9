/** English strings of the cycles screens; merged into the catalogue by ../en.ts. */
export const cyclesEn = {};
