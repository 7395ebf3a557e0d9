import type { Runnable } from "./matrix.ts";

export const cycleSpecs: Runnable[] = [];
