export * from "./communities.ts";
export * from "./organizations.ts";
export * from "./people.ts";
export * from "./records.ts";
