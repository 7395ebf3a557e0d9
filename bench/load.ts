import autocannon from "autocannon";

const WARM_UP_SECONDS = 3;

export type LoadResult = {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

/** Runs autocannon against one URL (after an unmeasured warm-up, so both sides are measured with a warm JIT) and keeps the figures the tables print. */
export async function load(
  name: string,
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  await autocannon({
    url,
    connections: options.connections,
    duration: WARM_UP_SECONDS,
    headers: options.headers ?? {},
  });
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

/**
 * Alternates baseline and measured case for several rounds and keeps each side's median round. The load
 * generator shares the machine's two cores with the server, so single runs swing; alternating spreads any
 * drift over both sides.
 */
export async function interleaved(
  rounds: number,
  [baseline, measured]: [() => Promise<LoadResult>, () => Promise<LoadResult>],
) {
  const a: LoadResult[] = [];
  const b: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await baseline());
    b.push(await measured());
  }
  return { baseline: median(a), measured: median(b) };
}

function median(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((x, y) => x.requestsPerSecond - y.requestsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error("no results");
  return {
    ...middle,
    errors: results.reduce((n, r) => n + r.errors, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
  };
}
