/** English strings of the protocols screens; merged into the catalogue by ../en.ts. */
export const protocolsEn = {};
