/** English strings of the exemplars screens; merged into the catalogue by ../en.ts. */
export const exemplarsEn = {};
