import type { Runnable } from "./matrix.ts";

export const goalSpecs: Runnable[] = [];
