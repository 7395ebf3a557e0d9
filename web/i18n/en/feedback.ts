/** English strings of the feedback screens; merged into the catalogue by ../en.ts. */
export const feedbackEn = {};
