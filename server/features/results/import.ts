import { type Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { resultsCsvOptions } from "../../../shared/results/csv.ts";
import { headerSignature } from "../../../shared/results/header.ts";
import { checkMapping, type ItemSpec, type ResultMapping } from "../../../shared/results/mapping.ts";
import { LineTracker, type RowProblem, rowReader } from "../../../shared/results/rows.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { newId } from "../../lib/ids.ts";
import { Problems, sqlProblems } from "./problems.ts";
import { copyText, Meter, parseProblem, sniff } from "./stream.ts";

/*
 * The streaming import of a results file. Bytes → size meter and hash → csv-parse (a stream) → each row
 * validated as it comes → COPY text in ~64 KB batches into a staging table of this transaction → students
 * resolved once per distinct id, unknown ids and duplicates counted (and listed only if any), in SQL → one
 * insert … select … on conflict do update into assessment_results. Nothing holds the rows: the parser, the
 * validator and COPY pass them on with backpressure, and the problems kept are capped. (Measured in
 * bench/results-import.ts: about as fast as `psql \copy` of the resolved rows into assessment_results,
 * whose foreign-key checks and indexes dominate both.)
 */

export type ImportMode = "all_or_nothing" | "good_rows_only";
export type ImportItem = ItemSpec & { id: string };
export type ImportRequest = {
  orgId: string;
  assessmentId: string;
  personId: string;
  items: ImportItem[];
  mapping: ResultMapping;
  mode: ImportMode;
  fileName: string;
  file: Readable;
  limitBytes: number;
};
export type ImportReport = {
  id: string;
  status: "completed" | "failed";
  rowsRead: number;
  rowsImported: number;
  problems: RowProblem[];
  moreProblems: number;
  fileSha256: string;
  fileBytes: number;
};

/** Runs the import in one transaction on its own connection (COPY needs the raw client). */
export async function importResults(pool: pg.Pool, r: ImportRequest): Promise<ImportReport> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const report = await run(client, r);
    await client.query("commit");
    return report;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function run(client: pg.PoolClient, r: ImportRequest): Promise<ImportReport> {
  const id = newId();
  await client.query(
    `insert into result_imports (id, org_id, assessment_id, shape, status, file_name, file_sha256, mapping, created_by)
     values ($1, $2, $3, $4, 'validating', $5, '', $6, $7)`,
    [id, r.orgId, r.assessmentId, r.mapping.shape, r.fileName, JSON.stringify(r.mapping), r.personId],
  );
  await client.query(
    `create temporary table result_staging (line integer not null, student text not null,
       item_id uuid not null, score double precision not null, response text not null) on commit drop`,
  );
  const problems = new Problems();
  const meter = new Meter(r.limitBytes);
  const { delimiter, stream } = await sniff(r.file.pipe(meter));
  const rows = new RowsToCopy(r, problems);
  const parser = parse(resultsCsvOptions(delimiter));
  // A CSV syntax error aborts the COPY; the savepoint keeps the transaction to record the failed import.
  await client.query("savepoint copying");
  try {
    await pipeline(
      stream,
      parser,
      rows,
      client.query(copyFrom("copy result_staging (line, student, item_id, score, response) from stdin")),
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? "";
    if (!code.startsWith("CSV_") && code !== "INVALID_OPENING_QUOTE") throw error;
    await client.query("rollback to savepoint copying");
    problems.add(parseProblem(error as Error));
  }
  if (!rows.header) throw invalid("file", "The file is empty: export the results with a header row.");
  const duplicates = problems.fatal ? false : await sqlProblems(client, r.orgId, problems);
  const failed = problems.count > 0 && (r.mode === "all_or_nothing" || problems.fatal);
  const imported = failed ? 0 : await upsert(client, r, id, duplicates);
  const report: ImportReport = {
    id,
    status: failed ? "failed" : "completed",
    rowsRead: rows.rowsRead,
    rowsImported: imported,
    problems: problems.first(),
    moreProblems: problems.rest(),
    fileSha256: meter.sha256(),
    fileBytes: meter.bytes,
  };
  await client.query(
    `update result_imports set status = $2, file_sha256 = $3, file_bytes = $4, rows_read = $5,
       rows_imported = $6, problems = $7, finished_at = now() where id = $1`,
    [
      id,
      report.status,
      report.fileSha256,
      report.fileBytes,
      report.rowsRead,
      imported,
      JSON.stringify(report.problems),
    ],
  );
  await remember(client, r, rows.header);
  // Analysis rebuilds its pre-aggregated scores when results changed after it last built them.
  if (imported > 0)
    await client.query("update assessments set results_changed_at = now() where id = $1", [r.assessmentId]);
  return report;
}

/**
 * The good rows into the results; a re-import replaces its rows. Only a file with duplicates needs the
 * sort that keeps the first row of each student and item (ON CONFLICT may not touch a row twice).
 */
async function upsert(client: pg.PoolClient, r: ImportRequest, importId: string, duplicates: boolean) {
  const rows = `from result_staging s join result_students k using (student) where k.student_id is not null`;
  const select = duplicates
    ? `select distinct on (k.student_id, s.item_id) $1::uuid, $2::uuid, k.student_id, s.item_id, s.score,
         s.response, $3::uuid ${rows} order by k.student_id, s.item_id, s.line`
    : `select $1::uuid, $2::uuid, k.student_id, s.item_id, s.score, s.response, $3::uuid ${rows}`;
  const result = await client.query(
    `insert into assessment_results (org_id, assessment_id, student_id, item_id, score, response, import_id)
     ${select}
     on conflict (org_id, assessment_id, student_id, item_id) do update
       set score = excluded.score, response = excluded.response, import_id = excluded.import_id`,
    [r.orgId, r.assessmentId, importId],
  );
  return result.rowCount ?? 0;
}

/** The mapping this person used for files with this header, offered again next time. */
async function remember(client: pg.PoolClient, r: ImportRequest, header: string[]): Promise<void> {
  await client.query(
    `insert into result_mappings (org_id, person_id, shape, header_signature, mapping)
     values ($1, $2, $3, $4, $5)
     on conflict (person_id, shape, header_signature) do update set mapping = excluded.mapping, updated_at = now()`,
    [r.orgId, r.personId, r.mapping.shape, headerSignature(header), JSON.stringify(r.mapping)],
  );
}

type Parsed = { record: string[]; info: { empty_lines: number } };

/** Parsed records → validated results as COPY text lines; problems noted as they come. */
class RowsToCopy extends Transform {
  header: string[] | null = null;
  rowsRead = 0;
  private reader: ReturnType<typeof rowReader> | null = null;
  private batch = "";
  private readonly lines = new LineTracker();
  private readonly itemIds: Map<string, string>;
  private readonly r: ImportRequest;
  private readonly problems: Problems;
  constructor(r: ImportRequest, problems: Problems) {
    super({ writableObjectMode: true, readableObjectMode: false, writableHighWaterMark: 256 });
    this.r = r;
    this.problems = problems;
    this.itemIds = new Map(r.items.map((i) => [i.label, i.id]));
  }
  override _transform({ record, info }: Parsed, _e: BufferEncoding, done: TransformCallback): void {
    const line = this.lines.start(record, info);
    if (!this.reader) {
      this.header = record;
      const wrong = checkMapping(record, this.r.mapping, this.r.items)[0];
      if (wrong) done(invalid(wrong.field, wrong.message));
      else {
        this.reader = rowReader(record, this.r.mapping, this.r.items);
        done();
      }
      return;
    }
    this.rowsRead++;
    const outcome = this.reader(record, line);
    for (const p of outcome.problems) this.problems.add(p);
    for (const x of outcome.results)
      this.batch += `${line}\t${copyText(x.student)}\t${this.itemIds.get(x.item)}\t${x.score}\t${copyText(x.response)}\n`;
    // One write to PostgreSQL per ~64 KB, not per row: a million small socket writes cost more than the rest.
    if (this.batch.length < BATCH_CHARS) done();
    else {
      const out = this.batch;
      this.batch = "";
      done(null, out);
    }
  }
  override _flush(done: TransformCallback): void {
    done(null, this.batch || undefined);
  }
}

const BATCH_CHARS = 64 * 1024;
