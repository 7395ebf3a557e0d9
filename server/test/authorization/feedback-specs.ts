import type { Runnable } from "./matrix.ts";

export const feedbackSpecs: Runnable[] = [];
