export { ExemplarPanel } from "./exemplar-panel.tsx";
