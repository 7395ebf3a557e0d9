/** What other features place from this one: the community page's section and the "Reflect on…" buttons. */
export { CommunityReflectionsSection } from "./community-section.tsx";
export { ReflectOn } from "./reflect-on.tsx";
