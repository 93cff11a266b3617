// Runs the test suite and ends with one plain line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const out = '.vitest.json';
rmSync(out, { force: true });
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let summary = 'no test results were written';
try {
  const { numPassedTests, numFailedTests, testResults = [] } = JSON.parse(readFileSync(out, 'utf8'));
  // A test file that fails before any of its tests run (an import error) counts as a failure too.
  const brokenFiles = testResults.filter((file) => file.status === 'failed' && !file.assertionResults?.some((t) => t.status === 'failed')).length;
  summary = `${numPassedTests} passed, ${numFailedTests + brokenFiles} failed`;
} catch {}
console.log(summary);
process.exit(run.status ?? 1);
