import { collaborativeAssessmentConference } from "./collaborative-assessment-conference.ts";
import { communityOfPracticeWorkshop } from "./community-of-practice-workshop.ts";
import { consultancy } from "./consultancy.ts";
import { consultancy20 } from "./consultancy-20.ts";
import { dataDrivenDialogue } from "./data-driven-dialogue.ts";
import { lookingAtStudentWork } from "./looking-at-student-work.ts";
import { successAnalysis } from "./success-analysis.ts";
import { tuning } from "./tuning.ts";
import type { BuiltinProtocol } from "./types.ts";

export type { BuiltinProtocol } from "./types.ts";

/**
 * The protocols every district's library starts with. The server upserts them by slug after migrations
 * (server/features/protocols/builtin-sync.ts); changing one here adds a new version on next start.
 */
export const builtinProtocols: readonly BuiltinProtocol[] = [
  tuning,
  consultancy,
  consultancy20,
  lookingAtStudentWork,
  collaborativeAssessmentConference,
  successAnalysis,
  dataDrivenDialogue,
  communityOfPracticeWorkshop,
];
