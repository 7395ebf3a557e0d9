// `npm run bench`: every benchmark, each printing a table against a baseline measured in the same run.
import { cpus, totalmem } from "node:os";
import { analysisBenchmark } from "./analysis.ts";
import { communityPageBenchmark } from "./community-page.ts";
import { goalsBenchmark } from "./goals.ts";
import { liveRoomBenchmark } from "./live-room.ts";
import { resultsImportBenchmark } from "./results-import.ts";
import { searchBenchmark } from "./search.ts";
import { surveysBenchmark } from "./surveys.ts";
import { uploadsBenchmark } from "./uploads.ts";

console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
const { baseline, measured } = await communityPageBenchmark();
const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;
console.log(`\nTargets: ratio ≥ 0.35 (got ${ratio.toFixed(2)}), p99 < 50 ms (got ${measured.p99} ms).`);
if (measured.errors + measured.non2xx > 0) {
  console.error("Some requests failed during the benchmark.");
  process.exit(1);
}

const live = await liveRoomBenchmark();
console.log(
  `\nTarget: live room p99 < 100 ms for 1,000 participants (got ${live.big.app.p99.toFixed(1)} ms).`,
);
if (live.flow.acked < live.flow.sent) {
  console.error(`${live.flow.sent - live.flow.acked} contributions were not acknowledged.`);
  process.exit(1);
}

const uploads = await uploadsBenchmark();
if (uploads.measured.failed > 0) {
  console.error(`${uploads.measured.failed} uploads failed.`);
  process.exit(1);
}

const searched = await searchBenchmark();
const searchP95 = searched.rows[2]?.p95 ?? 0;
console.log(`\nTarget: search p95 < 50 ms (got ${searchP95.toFixed(1)} ms).`);
if (searched.errors > 0) {
  console.error(`${searched.errors} searches failed.`);
  process.exit(1);
}

const goals = await goalsBenchmark();
const goalsP99 = Math.max(...Object.values(goals).map((r) => r.app.p99));
console.log(`\nTarget: leaders' dashboard and alignment map p99 < 100 ms (got ${goalsP99} ms).`);
if (Object.values(goals).some((r) => r.app.errors + r.app.non2xx > 0)) {
  console.error("Some dashboard or alignment map requests failed.");
  process.exit(1);
}

const results = await resultsImportBenchmark();
console.log(
  `\nTarget: results import ≥ 0.5 × the speed of ${results.baselineTool} (got ${results.ratio.toFixed(2)}).`,
);

const analysis = await analysisBenchmark();
const analysisP50 = Math.max(...analysis.rows.map((r) => r.p50));
console.log(
  `\nTarget: analysis p50 < 200 ms for one school and the district (got ${analysisP50.toFixed(0)} ms).`,
);

const surveyed = await surveysBenchmark();
const surveyP99 = Math.max(...surveyed.rows.map((r) => r.p99));
console.log(`\nTarget: survey results p99 < 150 ms (got ${surveyP99} ms).`);
if (surveyed.rows.some((r) => r.errors + r.non2xx > 0)) {
  console.error("Some survey results requests failed.");
  process.exit(1);
}
