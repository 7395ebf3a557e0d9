/** English strings of the alignment screens; merged into the catalogue by ../en.ts. */
export const alignmentEn = {};
