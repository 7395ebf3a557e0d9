export { CommunityCyclesSection } from "./community-cycles.tsx";
export { CyclePage } from "./cycle-page.tsx";
export { CycleReportPage } from "./report-page.tsx";
