import type { Runnable } from "./matrix.ts";

export const exemplarSpecs: Runnable[] = [];
