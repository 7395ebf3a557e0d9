import { describe, expect, it } from "vitest";
import { csvCell, fileNameOf, toCsv } from "./csv.ts";

describe("client CSV", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42.5)).toBe('"42.5"');
  });

  it.each(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])("neutralises the formula %j", (value) => {
    expect(csvCell(value)).toBe(`"'${value}"`);
  });

  it("leaves a negative-looking word inside text alone", () => {
    expect(csvCell("7.RP.1 - ratios")).toBe('"7.RP.1 - ratios"');
  });

  it("writes a header and one CRLF line per row in column order", () => {
    const csv = toCsv(
      [
        { key: "standard", label: "Standard" },
        { key: "percent", label: "Percent" },
      ],
      [
        { percent: 50, standard: "7.RP.1" },
        { standard: "=HYPERLINK()", percent: null },
      ],
    );
    expect(csv).toBe('"Standard","Percent"\r\n"7.RP.1","50"\r\n"\'=HYPERLINK()",""\r\n');
  });

  it("names files from titles", () => {
    expect(fileNameOf("Mastery by standard: Unit 3", "csv")).toBe("mastery-by-standard-unit-3.csv");
    expect(fileNameOf("", "png")).toBe("export.png");
  });
});
