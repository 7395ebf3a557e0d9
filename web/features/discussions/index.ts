export { CommunityDiscussionsSection } from "./community-discussions.tsx";
export { ThreadPage } from "./thread-page.tsx";
export { ThreadsPage } from "./threads-page.tsx";
