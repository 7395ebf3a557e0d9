export { ArtifactFeedback } from "./artifact-feedback.tsx";
