import type { Runnable } from "./matrix.ts";

export const searchSpecs: Runnable[] = [];
