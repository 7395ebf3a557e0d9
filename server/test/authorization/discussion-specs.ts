import type { Runnable } from "./matrix.ts";

export const discussionSpecs: Runnable[] = [];
