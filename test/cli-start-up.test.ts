// What the CLI loads to start: each command its own module, zod only to explain a refused
// record, json-rules-engine only when asked for. Start-up times are in `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'cli-start-up-'));

/** The packages a run of the built CLI loads, and its exit code. */
function packagesLoaded(args: string[]): { packages: string[]; status: number | null } {
  const log = join(dir, `${args[0]}-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', './test/support/import-log.mjs', 'dist/cli.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, IMPORT_LOG: log },
  });
  const packages = new Set(
    readFileSync(log, 'utf8')
      .split('\n')
      .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
      .filter((name): name is string => name !== undefined),
  );
  return { packages: [...packages].sort(), status: run.status };
}

describe('what a command loads', () => {
  it('list loads no zod, no YAML parser and no json-rules-engine', () => {
    expect(packagesLoaded(['list'])).toEqual({ packages: [], status: 0 });
  });

  it('check of a valid record loads the YAML parser only; zod is loaded to explain a refused one', () => {
    expect(packagesLoaded(['check', 'examples/xigou-dongzhuang.yaml'])).toEqual({ packages: ['yaml'], status: 1 });
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'type: village-clinic\npremises: { buildingArea: -1 }\n');
    expect(packagesLoaded(['check', bad])).toEqual({ packages: ['yaml', 'zod'], status: 2 });
  });
});
