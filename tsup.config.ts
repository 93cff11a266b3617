import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// exceljs is an optional dependency (tsup leaves only dependencies and peers out of the bundle by
// itself): loaded from node_modules when a workbook is read or written, never bundled.
const external = ['exceljs'];

// Each bundled standard's own module (src/generated/entries/<id>.ts, written by npm run gen):
// facility-standards/standards/<id>.
const standardEntries = Object.fromEntries(
  readdirSync('src/generated/entries', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`standards/${file.split('\\').join('/').replace(/\.ts$/, '')}`, `src/generated/entries/${file}`]),
);

export default defineConfig([
  {
    // `testing` (the rule-authoring kit) imports vitest, a peer dependency left external; its CJS
    // build exists so that every entry resolves both ways, and requiring it gives vitest's own
    // "cannot be imported in a CommonJS module" error.
    entry: { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing/index.ts', ...standardEntries },
    format: ['esm', 'cjs'],
    // One shared chunk for the core, so `./node` and `.` hand out the same schema objects.
    splitting: true,
    // import.meta.url in the CJS build (node.ts finds the package root with it).
    shims: true,
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    removeNodeProtocol: false,
    external,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'node',
  },
  {
    // The batch worker is its own file: worker threads start from a path.
    entry: { cli: 'src/cli.ts', 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    removeNodeProtocol: false,
    external,
    sourcemap: true,
  },
]);
