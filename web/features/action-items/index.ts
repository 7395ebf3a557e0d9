/** What other features embed: the live room, the meeting page (action review) and the home page. */

export { ActionItemTable } from "./action-item-table.tsx";
export { ActionItemsPanel } from "./action-items-panel.tsx";
export { MyActionItems } from "./my-action-items.tsx";
export { OpenActionItems } from "./open-action-items.tsx";
