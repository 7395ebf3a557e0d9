/** What other features embed: the live room records decisions with this panel. */
export { DecisionsPanel } from "./decisions-panel.tsx";
