/** Feedback on one artifact (list, form, the presenter's answers); mounted on the artifact page. */
export function ArtifactFeedback(_props: { artifactId: string }) {
  return null;
}
