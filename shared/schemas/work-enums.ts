/** The fixed vocabularies of work samples, feedback, discussions and notifications (capability 3). */

export const artifactKinds = [
  "student_work",
  "lesson",
  "unit",
  "assessment",
  "rubric",
  "video_link",
  "document",
  "other",
] as const;
export type ArtifactKind = (typeof artifactKinds)[number];

/**
 * How the uploader vouches for student privacy when the work contains student work: names and faces
 * are removed, or consent is on file. Work without student work needs no attestation.
 */
export const privacyAttestations = ["identifiers_removed", "consent_on_file"] as const;
export type PrivacyAttestation = (typeof privacyAttestations)[number];

/** The forms of feedback practitioners use: warm/cool, I like / I wonder / What if, questions. */
export const feedbackKinds = ["warm", "cool", "like", "wonder", "what_if", "clarifying", "probing"] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];
/** Feedback kinds that are questions the presenter may answer. */
export const questionKinds = ["clarifying", "probing"] as const satisfies readonly FeedbackKind[];

export const filePreviewStatuses = ["none", "pending", "ready", "failed"] as const;
export type FilePreviewStatus = (typeof filePreviewStatuses)[number];

export const exemplarStatuses = ["nominated", "approved", "declined", "withdrawn"] as const;
export type ExemplarStatus = (typeof exemplarStatuses)[number];

export const notificationKinds = [
  "feedback",
  "reply",
  "mention",
  "invitation",
  "exemplar",
  "learning_needs",
  "survey_opened",
  "survey_reminder",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
