export { ArtifactFeedback } from "./artifact-feedback.tsx";
export { ArtifactPicker } from "./artifact-picker.tsx";
