/** English strings of the notifications screens; merged into the catalogue by ../en.ts. */
export const notificationsEn = {};
