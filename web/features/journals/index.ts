/** What other features place from this one: the community page's shared reflections. */
export { SharedReflectionsSection } from "./shared-section.tsx";
