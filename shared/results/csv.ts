import type { Options } from "csv-parse";
import type { Delimiter } from "./header.ts";

/**
 * How results files are parsed (the server's stream, the preview and the tests alike): the BOM spreadsheets
 * write is dropped, blank lines are skipped, and nothing is relaxed — a stray quote or a row with the wrong
 * number of cells is an error with its line, never a silently shifted column.
 */
export const resultsCsvOptions = (delimiter: Delimiter): Options => ({
  delimiter,
  bom: true,
  info: true,
  skip_empty_lines: true,
  relax_quotes: false,
  relax_column_count: false,
  record_delimiter: ["\r\n", "\n", "\r"],
});
