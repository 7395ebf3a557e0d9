import autocannon from "autocannon";

export type LoadResult = {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

/** Runs autocannon against one URL and keeps the figures the tables print. */
export async function load(
  name: string,
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
  });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Prints results as a table, each row's throughput as a ratio of the baseline's. */
export function printTable(title: string, baseline: LoadResult, rows: LoadResult[]) {
  const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(9);
  console.log(`\n${title}`);
  console.log(
    `| ${"case".padEnd(44)} | ${"req/s".padStart(9)} | ${"p50 ms".padStart(9)} | ${"p99 ms".padStart(9)} | ${"ratio".padStart(9)} | errors |`,
  );
  console.log(
    `|${"-".repeat(46)}|${"-".repeat(11)}|${"-".repeat(11)}|${"-".repeat(11)}|${"-".repeat(11)}|--------|`,
  );
  for (const r of [baseline, ...rows]) {
    const ratio = r.requestsPerSecond / baseline.requestsPerSecond;
    console.log(
      `| ${r.name.padEnd(44)} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(ratio, 2)} | ${String(r.errors + r.non2xx).padStart(6)} |`,
    );
  }
}
