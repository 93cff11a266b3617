// Bundles bench/main.ts and runs it: the benchmarks need the built package (for the batch
// command and its worker threads) and a TypeScript-free entry.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// Inside the project, so that the dependencies it leaves external resolve.
// Named for this run: node_modules may be shared with other checkouts.
const outfile = join('node_modules', '.cache', `facility-standards-bench-${process.pid}.mjs`);
await build({ entryPoints: ['bench/main.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error', packages: 'external' });
const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
rmSync(outfile, { force: true });
process.exit(run.status ?? 1);
