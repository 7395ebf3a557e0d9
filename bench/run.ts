// `npm run bench`: every benchmark, each printing a table against a baseline measured in the same run.
import { cpus, totalmem } from "node:os";
import { communityPageBenchmark } from "./community-page.ts";

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
