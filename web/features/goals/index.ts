export { CommunityGoalsSection } from "./community-section.tsx";
