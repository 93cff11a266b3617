// Bundles bench/main.ts and runs it: the benchmarks need the built package (for the batch
// command and its worker threads) and a TypeScript-free entry.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

// Inside the project, so that the dependencies it leaves external resolve.
const outfile = join('node_modules', '.cache', 'facility-standards-bench.mjs');
await build({ entryPoints: ['bench/main.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error', packages: 'external' });
const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
process.exit(run.status ?? 1);
