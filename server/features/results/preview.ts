import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { and, desc, eq } from "drizzle-orm";
import { resultsCsvOptions } from "../../../shared/results/csv.ts";
import { headerSignature } from "../../../shared/results/header.ts";
import { type ItemSpec, type ResultMapping, suggestMapping } from "../../../shared/results/mapping.ts";
import { resultMappings } from "../../db/schema/index.ts";
import { invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { Meter, parseProblem, sniff } from "./stream.ts";

export const PREVIEW_ROWS = 20;

/**
 * The start of a results file for the mapping step: its delimiter, header and first rows, and the mapping
 * to offer — the one this person used last for a file with this header, or a guess from the items.
 * Only the start is parsed; the rest of the upload is drained unread.
 */
export async function previewFile(
  ctx: ServiceContext,
  items: ItemSpec[],
  file: Readable,
  limitBytes: number,
) {
  const { delimiter, stream } = await sniff(file.pipe(new Meter(limitBytes)));
  const records: string[][] = [];
  try {
    for await (const { record } of stream.pipe(parse(resultsCsvOptions(delimiter))) as AsyncIterable<{
      record: string[];
    }>) {
      records.push(record);
      if (records.length > PREVIEW_ROWS) break;
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (!code.startsWith("CSV_") && code !== "INVALID_OPENING_QUOTE") throw error;
    const problem = parseProblem(error as Error);
    throw invalid("file", `Line ${problem.line}: ${problem.message}`);
  } finally {
    file.resume();
  }
  const header = records[0];
  if (!header) throw invalid("file", "The file is empty: export the results with a header row.");
  const signature = headerSignature(header);
  const [remembered] = await ctx.db
    .select({ mapping: resultMappings.mapping })
    .from(resultMappings)
    .where(and(eq(resultMappings.personId, ctx.actor.id), eq(resultMappings.headerSignature, signature)))
    .orderBy(desc(resultMappings.updatedAt))
    .limit(1);
  return {
    delimiter,
    header,
    rows: records.slice(1),
    headerSignature: signature,
    mapping: (remembered?.mapping as ResultMapping | undefined) ?? suggestMapping(header, items),
    remembered: remembered !== undefined,
  };
}
