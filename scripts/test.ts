// `npm test`: every test — unit and API integration (Vitest, real PostgreSQL), then the web build and the
// browser end-to-end specs (Playwright, Debian's Chromium) — and one closing line with the totals.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const out = path.resolve(".test-data/results");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name: string) => path.resolve("node_modules/.bin", name);

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const vitestJson = path.join(out, "vitest.json");
const playwrightJson = path.join(out, "playwright.json");
const statuses = [
  run("Unit and API integration tests (Vitest, PostgreSQL)", bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${vitestJson}`,
  ]),
  run("Web app build (Vite)", bin("vite"), ["build", "--logLevel", "warn"]),
  run(
    "Browser end-to-end tests (Playwright, Chromium)",
    bin("playwright"),
    ["test", "--reporter=list,json"],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    },
  ),
];

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
}
const broken = statuses.some((s) => s !== 0);
if (broken && failed === 0) failed = 1; // a step that crashed before reporting still counts as a failure
console.log(`\nTotal: ${passed} passed, ${failed} failed`);
process.exit(broken ? 1 : 0);
