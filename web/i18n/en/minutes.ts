/** English strings of the minutes screens; merged into the catalogue by ../en.ts. */
export const minutesEn = {};
