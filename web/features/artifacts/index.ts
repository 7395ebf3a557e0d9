export { CommunityArtifactsSection } from "./community-section.tsx";
