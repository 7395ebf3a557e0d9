import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, neutralise, toCsv } from "./csv.ts";

describe("CSV cells", () => {
  it("keep text a spreadsheet would run as a formula as text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutralise(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
      expect(csvCell(`${start}SUM(A1)`)).toBe(`"'${start}SUM(A1)"`);
    }
  });

  it("leave numbers, plain text and nothing alone", () => {
    expect(neutralise(-5)).toBe(-5);
    expect(neutralise("Ana")).toBe("Ana");
    expect(neutralise(null)).toBe("");
    expect(csvCell('Say "hi", then go')).toBe('"Say ""hi"", then go"');
    expect(csvCell(7)).toBe('"7"');
  });

  it("write a file a spreadsheet reads back cell for cell", () => {
    const csv = toCsv(
      ["Name", "Score"],
      [
        ['=HYPERLINK("x")', 50],
        ['Ana "A", B', -2.5],
      ],
    );
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parse(csv)).toEqual([
      ["Name", "Score"],
      ['\'=HYPERLINK("x")', "50"],
      ['Ana "A", B', "-2.5"],
    ]);
  });

  it("names files from titles", () => {
    expect(csvFileName("group", "Re-teach 7.RP.2 — Friday!")).toBe("group-re-teach-7-rp-2-friday.csv");
    expect(csvFileName("group", "!!!")).toBe("group.csv");
  });
});
