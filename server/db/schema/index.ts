export * from "./communities.ts";
export * from "./meetings.ts";
export * from "./organizations.ts";
export * from "./people.ts";
export * from "./protocols.ts";
export * from "./records.ts";
