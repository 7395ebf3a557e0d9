import type { Runnable } from "./matrix.ts";

export const artifactSpecs: Runnable[] = [];
