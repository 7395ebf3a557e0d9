import type { BuiltinSurveyKey, SurveyDefinition } from "../definition.ts";
import { communityHealthSurvey } from "./community-health.ts";

/** The surveys shipped with Lamplight, synced into the library at start (server/features/surveys). */
export const builtinSurveys: { key: BuiltinSurveyKey; definition: SurveyDefinition }[] = [
  { key: "community-health", definition: communityHealthSurvey },
];
