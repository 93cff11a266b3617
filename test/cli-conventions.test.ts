// What a command-line user expects of any tool: --version, --help for the tool and each command
// (in Chinese unless --lang en), unknown flags refused with a suggestion, usage errors on stderr,
// `-` for standard input.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { commands } from '../src/cli/help.js';

async function cli(argv: readonly string[], stdin?: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    ...(stdin !== undefined && { stdin: Readable.from([Buffer.from(stdin)]) }),
  });
  return { code, stdout, stderr };
}

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const compliantYaml = readFileSync('fixtures/changzhi/village-clinic/compliant.yaml', 'utf8');
const standard = 'changzhi/village-clinic';

describe('--version', () => {
  it.each(['--version', '-v', '-V'])('%s prints the package version', async (flag) => {
    expect(await cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('--help', () => {
  it.each(['--help', '-h', 'help'])('%s: the tool, in Chinese, with the exit codes', async (flag) => {
    const { code, stdout, stderr } = await cli([flag]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^用法：facility-standards <命令> \[选项\]/);
    expect(stdout).toContain('141  标准输出被提前关闭');
    expect(stdout).toContain('文件：--output 和 --report 先写到目标旁的临时文件');
  });

  it('in English with --lang en, whatever LANG says', async () => {
    const { stdout } = await cli(['--help', '--lang', 'en']);
    expect(stdout).toMatch(/^Usage: facility-standards <command> \[options\]/);
    expect(stdout).toContain('141  standard output was closed early');
  });

  it.each(commands)('%s --help and -h: that command, in zh by default and in en', async (command) => {
    const zh = await cli([command, '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toBe('');
    expect(zh.stdout).toMatch(new RegExp(`^用法：facility-standards ${command}`));
    expect(zh.stdout).toContain('退出码：');
    expect((await cli([command, '-h'])).stdout).toBe(zh.stdout);
    const en = await cli([command, '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(new RegExp(`^Usage: facility-standards ${command}`));
    expect(en.stdout).toContain('Exit codes:');
    expect((await cli(['help', command])).stdout).toBe(zh.stdout);
  });

  it('validate --help does not look for a file called --help, list --help does not list', async () => {
    expect((await cli(['validate', '--help'])).stdout).toMatch(/^用法：facility-standards validate/);
    expect((await cli(['list', '--help'])).stdout).not.toContain('national/village-clinic-2014');
  });
});

describe('usage errors', () => {
  it('no arguments: the usage on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^用法：facility-standards <命令>/);
  });

  it('an unknown command, with the one meant', async () => {
    const { code, stdout, stderr } = await cli(['chek']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^facility-standards: 没有“chek”这个命令；您是不是要用 check？/);
  });

  it.each([
    ['check', ['check', 'examples/xigou-dongzhuang.yaml', '--standrd', standard], '--standard'],
    ['batch', ['batch', 'fixtures/batches/clinics.json', '--ouput', 'x.ndjson'], '--output'],
    ['template', ['template', '--standard', standard, '--formt', 'csv'], '--format'],
    ['list', ['list', '--lnag', 'en'], '--lang'],
    ['validate', ['validate', 'rules', '--lagn', 'en'], '--lang'],
  ])('%s refuses an unknown flag, naming the near one (exit 2)', async (command, argv, near) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`facility-standards: ${command} 没有选项 ${argv.at(-2)}；您是不是要用 ${near}？（facility-standards ${command} --help 列出全部选项）\n`);
  });

  it('an unknown flag with nothing near it; in English with --lang en', async () => {
    expect((await cli(['list', '--frob'])).stderr).toBe('facility-standards: list 没有选项 --frob（facility-standards list --help 列出全部选项）\n');
    expect((await cli(['list', '--frob', '--lang', 'en'])).stderr).toBe('facility-standards: list has no option --frob (facility-standards list --help lists them all)\n');
  });

  it('a flag without its value', async () => {
    const { code, stderr } = await cli(['check', 'examples/xigou-dongzhuang.yaml', '--standard']);
    expect(code).toBe(2);
    expect(stderr).toBe('facility-standards: 选项 --standard 需要一个值（facility-standards check --help 列出全部选项）\n');
  });

  it('a value outside a flag\'s words, in Chinese', async () => {
    const { code, stderr } = await cli(['list', '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr).toBe('facility-standards: --format 只能是 text、json 之一，而不是“xml”\n');
  });
});

describe('list', () => {
  it('--format json: ids, titles, facility types and sources', async () => {
    const { code, stdout } = await cli(['list', '--format', 'json']);
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as {
      standards: { id: string; title: { zh: string; en: string }; facilityType: string; source: { issuer: string; date: string } }[];
      ladders: { id: string; levels: string[] }[];
      programs: { id: string; targets: { by: string }[] }[];
    };
    const changzhi = listed.standards.find((s) => s.id === standard)!;
    expect(changzhi.title.zh).toBe('长治市标准化村卫生室');
    expect(changzhi.facilityType).toBe('village-clinic');
    expect(changzhi.source).toMatchObject({ issuer: '长治市人民政府办公室', date: '2025-12-18' });
    expect(listed.ladders.find((l) => l.id === standard)?.levels).toEqual([standard, 'changzhi/village-clinic-demonstration']);
    expect(listed.programs.map((p) => p.id)).toContain('changzhi/2028');
  });

  it('--lang: the headings and notes in that language', async () => {
    const zh = (await cli(['list'])).stdout;
    expect(zh).toMatch(/^标准\n/);
    expect(zh).toContain('\n等级阶梯\n');
    expect(zh).toContain('村卫生室，');
    const en = (await cli(['list', '--lang', 'en'])).stdout;
    expect(en).toMatch(/^Standards\n/);
    expect(en).toContain('changzhi/village-clinic@2026  Changzhi standardized village clinic / 长治市标准化村卫生室');
  });
});

describe('- reads standard input', () => {
  it('check -: a YAML record', async () => {
    const { code, stdout } = await cli(['check', '-', '--standard', standard], compliantYaml);
    expect(code).toBe(0);
    expect(stdout).toContain('结论：达标');
  });

  it('check -: a JSON record, and its errors are placed in "-"', async () => {
    const record = JSON.stringify({ id: 'from-json', type: 'village-clinic', premises: { buildingArea: '八十' } });
    const { code, stderr } = await cli(['check', '-', '--standard', standard], record);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ {2}-:1:\d+: 应为数字，实为 "八十"（位置：premises.buildingArea）$/m);
  });

  it('batch - with --input-format: the same rows as from the file', async () => {
    const file = 'fixtures/batches/clinics.json';
    const piped = await cli(['batch', '-', '--input-format', 'records', '--standard', standard], readFileSync(file, 'utf8'));
    const named = await cli(['batch', file, '--standard', standard]);
    expect(piped.stdout.trim().split('\n')).toHaveLength((JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length);
    expect(piped.stdout).toBe(named.stdout);
    expect(piped.code).toBe(named.code);
  });

  it('batch - without --input-format says to give it', async () => {
    const { code, stderr } = await cli(['batch', '-'], '');
    expect(code).toBe(2);
    expect(stderr).toBe('facility-standards: batch - 从标准输入读取：请用 --input-format 说明其格式：csv、ndjson、records（YAML 或 JSON 列表）或 xlsx\n');
  });
});

describe('the built CLI', { timeout: 30_000 }, () => {
  beforeAll(() => {
    expect(existsSync('dist/cli.js'), 'dist/cli.js is missing: run `npm run build` first').toBe(true);
  });
  const built = (argv: readonly string[], input?: string) => spawnSync(process.execPath, ['dist/cli.js', ...argv], { encoding: 'utf8', ...(input !== undefined && { input }) });

  it('reads `cat x.yaml | facility-standards check -` and prints its version', () => {
    const piped = built(['check', '-', '--standard', standard], compliantYaml);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('结论：达标');
    expect(built(['--version']).stdout).toBe(`${version}\n`);
  });

  it('batch - reads NDJSON from a pipe', () => {
    const record = JSON.stringify((JSON.parse(readFileSync('fixtures/batches/clinics.json', 'utf8')) as unknown[])[0]);
    const piped = built(['batch', '-', '--input-format', 'ndjson', '--standard', standard], `${record}\n${record}\n`);
    expect(piped.stdout.trim().split('\n')).toHaveLength(2);
    expect(piped.stderr).toMatch(/^行 2 · 已评估 2 · 错误 0/m);
  });
});

describe('--lang before the command', () => {
  it('is taken as if it came after it', async () => {
    expect((await cli(['--lang', 'en', 'list'])).stdout).toMatch(/^Standards\n/);
    expect((await cli(['--lang=en', 'schema', '--help'])).stdout).toMatch(/^Usage: facility-standards schema/);
    const alone = await cli(['--lang', 'en']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/^Usage: facility-standards <command>/);
  });

  it('schema refuses an unknown flag like every command', async () => {
    const { code, stderr } = await cli(['schema', '--frob', '--lang', 'en']);
    expect(code).toBe(2);
    expect(stderr).toBe('facility-standards: schema has no option --frob (facility-standards schema --help lists them all)\n');
  });
});
