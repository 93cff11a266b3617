// docs/writing-a-county-overlay.md, run: its files are written into a fresh county project whose
// node_modules links to this package (built) and its vitest, then every command is run and its
// output compared with what the guide shows.
//
// The guide's markup, in HTML comments that do not render:
//   <!-- file: PATH -->                      the next code block is the file PATH
//   <!-- output exit=N -->                   the next code block is (part of) the output of the
//                                            command block before it, which exits N; each of its
//                                            lines appears, in order, in its output
//   <!-- edit PATH: "FROM" => "TO" -->       for the next command block only, PATH has FROM
//                                            replaced by TO
// Command blocks are ```sh blocks after the first one (which creates and installs the project:
// here, the links stand in for `npm install`). `npx NAME` runs the local bin, as npx would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guide = readFileSync(join(root, 'docs/writing-a-county-overlay.md'), 'utf8');

type Step =
  | { kind: 'file'; path: string; text: string }
  | { kind: 'command'; script: string; edits: { path: string; from: string; to: string }[]; output?: { exit: number; text: string } };

/** The guide as steps: files to write, and commands with their edits and expected output. */
function steps(markdown: string): Step[] {
  const out: Step[] = [];
  let marker: string | undefined;
  let edits: { path: string; from: string; to: string }[] = [];
  let commandBlocks = 0;
  const block = /<!--\s*(.*?)\s*-->|```(\w*)\n([\s\S]*?)```/g;
  for (const m of markdown.matchAll(block)) {
    if (m[1] !== undefined) {
      const edit = /^edit (\S+): "(.*)" => "(.*)"$/.exec(m[1]);
      if (edit) edits.push({ path: edit[1]!, from: edit[2]!, to: edit[3]! });
      else marker = m[1];
      continue;
    }
    const [, , lang, text] = m as unknown as [string, undefined, string, string];
    if (marker?.startsWith('file: ')) {
      out.push({ kind: 'file', path: marker.slice('file: '.length), text });
    } else if (marker?.startsWith('output')) {
      const last = out.at(-1);
      if (last?.kind !== 'command') throw new Error(`an output block must follow a command block: ${text.slice(0, 40)}`);
      last.output = { exit: Number(/exit=(\d+)/.exec(marker)?.[1] ?? 0), text };
    } else if (lang === 'sh' && commandBlocks++ > 0) {
      out.push({ kind: 'command', script: text, edits });
      edits = [];
    }
    marker = undefined;
  }
  return out;
}

const guideSteps = steps(guide);

/** A county project with node_modules standing in for `npm install --save-dev facility-standards vitest`. */
function countyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'county-standards-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  symlinkSync(root, join(modules, 'facility-standards'), 'dir');
  symlinkSync(join(root, 'node_modules/vitest'), join(modules, 'vitest'), 'dir');
  symlinkSync('../facility-standards/dist/cli.js', join(modules, '.bin/facility-standards'));
  symlinkSync('../vitest/vitest.mjs', join(modules, '.bin/vitest'));
  return dir;
}

const normalize = (line: string) => line.replace(/\s+/g, ' ').trim();

/** Whether every non-empty line of `expected` is in `actual`, in order (spaces normalized). */
function linesInOrder(actual: string, expected: string): { ok: boolean; missing?: string } {
  const lines = actual.split('\n').map(normalize);
  let at = 0;
  for (const want of expected.split('\n').map(normalize).filter(Boolean)) {
    const found = lines.findIndex((line, i) => i >= at && line.includes(want));
    if (found < 0) return { ok: false, missing: want };
    at = found + 1;
  }
  return { ok: true };
}

describe('docs/writing-a-county-overlay.md', () => {
  let project: string;

  beforeAll(() => {
    for (const built of ['dist/cli.js', 'dist/testing.js']) {
      if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does)`);
    }
    project = countyProject();
    for (const step of guideSteps) {
      if (step.kind !== 'file') continue;
      mkdirSync(dirname(join(project, step.path)), { recursive: true });
      writeFileSync(join(project, step.path), step.text);
    }
  });

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('has files, and commands whose output it shows', () => {
    expect(guideSteps.filter((s) => s.kind === 'file').map((s) => (s as { path: string }).path)).toEqual([
      'package.json',
      'sources/county-plan.txt',
      'rules/village-clinic.yaml',
      'records/compliant.yaml',
      'test/village-clinic.test.ts',
    ]);
    const commands = guideSteps.filter((s) => s.kind === 'command');
    expect(commands.length).toBe(5);
    for (const command of commands) expect(command.output, command.script).toBeDefined();
  });

  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));

  for (const [index, step] of guideSteps.entries()) {
    if (step.kind !== 'command') continue;
    const title = `${step.script.trim()}${step.edits.length ? ` (after ${step.edits.map((e) => `${e.from} → ${e.to}`).join(', ')})` : ''}`;
    it(`step ${index}: ${title}`, () => {
      const originals = step.edits.map(({ path, from, to }) => {
        const file = join(project, path);
        const text = readFileSync(file, 'utf8');
        expect(text, `${path} has "${from}"`).toContain(from);
        writeFileSync(file, text.replace(from, to));
        return { file, text };
      });
      try {
        const script = step.script.replace(/^npx /gm, '');
        // One stream, as a terminal shows it.
        const run = spawnSync('bash', ['-euo', 'pipefail', '-c', `exec 2>&1\n${script}`], {
          cwd: project,
          encoding: 'utf8',
          env: { ...env, PATH: `${join(project, 'node_modules/.bin')}:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0' },
          timeout: 60_000,
        });
        const output = run.stdout;
        expect(run.status, output).toBe(step.output!.exit);
        const match = linesInOrder(output, step.output!.text);
        expect(match.missing, `the guide's output, line by line, in:\n${output}`).toBeUndefined();
      } finally {
        for (const { file, text } of originals) writeFileSync(file, text);
      }
    }, 60_000);
  }
});
