/** What other features embed: the live room records decisions with this panel, and refreshes the minutes. */
export { minutesKeys } from "./api.ts";
export { DecisionsPanel } from "./decisions-panel.tsx";
