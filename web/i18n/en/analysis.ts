/** Assessment analysis (item analysis, mastery by standard, heat map), chart exports, the suppression minimum. */
export const analysisEn = {
  chartExport: {
    showTable: "Show table",
    hideTable: "Hide table",
    downloadCsv: "Download CSV",
    downloadPng: "Download PNG",
    named: "{{action}}: {{title}}",
    pngFailed: "The picture could not be made. Download the CSV instead.",
    tableOf: "{{title}} (table)",
    empty: "Nothing to show yet.",
  },
};
