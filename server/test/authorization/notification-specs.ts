import type { Runnable } from "./matrix.ts";

export const notificationSpecs: Runnable[] = [];
