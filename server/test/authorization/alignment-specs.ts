import type { Runnable } from "./matrix.ts";

export const alignmentSpecs: Runnable[] = [];
