// The built CLI when writing goes wrong: devices, links, FIFOs, folders, read-only and full file
// systems, a reader that stops early or reads slowly, signals and killed runs.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cliPath = 'dist/cli.js';
const standard = 'changzhi/village-clinic';
const compliant = parse(readFileSync('fixtures/changzhi/village-clinic/compliant.yaml', 'utf8')) as Record<string, unknown>;

/** NDJSON of `n` compliant clinics, each with its own id: about 1.6 KB of output per row. */
const clinics = (n: number) => `${Array.from({ length: n }, (_, i) => JSON.stringify({ ...compliant, id: `clinic-${i}` })).join('\n')}\n`;

const dir = mkdtempSync(join(tmpdir(), 'facility-standards-faults-'));
const small = join(dir, 'small.ndjson');
const big = join(dir, 'big.ndjson');
writeFileSync(small, clinics(3));
writeFileSync(big, clinics(20_000));

function cli(args: readonly string[], options: { input?: string } = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const partials = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.partial'));

/** A tmpfs of `size` mounted for a test (as root), or undefined where mounting is not allowed. */
function tmpfs(size: string, options = ''): string | undefined {
  const mountPoint = mkdtempSync(join(tmpdir(), 'facility-standards-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options}`, 'tmpfs', mountPoint]);
  return mounted.status === 0 ? mountPoint : undefined;
}
const mounts: string[] = [];
const canMount = (() => {
  const probe = tmpfs('64k');
  if (probe === undefined) return false;
  spawnSync('umount', [probe]);
  return true;
})();

beforeAll(() => {
  expect(existsSync(cliPath), 'dist/cli.js is missing: run `npm run build` first').toBe(true);
});
afterAll(() => {
  for (const mountPoint of mounts) spawnSync('umount', [mountPoint]);
  rmSync(dir, { recursive: true, force: true });
});

describe('--output and --report targets that are not regular files', { timeout: 60_000 }, () => {
  it('writes /dev/null in place, never replacing the device', () => {
    try {
      const result = cli(['batch', small, '--standard', standard, '--output', '/dev/null']);
      expect(result.code).toBe(0);
      expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    } finally {
      // Should it ever be replaced again, the machine gets its device back.
      if (!lstatSync('/dev/null').isCharacterDevice()) execFileSync('sh', ['-c', 'rm -f /dev/null && mknod -m 666 /dev/null c 1 3']);
    }
  });

  it('follows a symbolic link and writes its file atomically; the link stays a link', () => {
    const folder = mkdtempSync(join(dir, 'link-'));
    writeFileSync(join(folder, 'real.ndjson'), 'old\n');
    symlinkSync('real.ndjson', join(folder, 'link.ndjson'));
    const result = cli(['batch', small, '--standard', standard, '--output', join(folder, 'link.ndjson')]);
    expect(result.code).toBe(0);
    expect(lstatSync(join(folder, 'link.ndjson')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'real.ndjson'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(readdirSync(folder).sort()).toEqual(['link.ndjson', 'real.ndjson']);
  });

  it('writes into a FIFO in place, the FIFO left a FIFO', async () => {
    const fifo = join(dir, 'rows.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    let read = '';
    reader.stdout!.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const readerDone = exited(reader);
    const writer = spawn(process.execPath, [cliPath, 'batch', small, '--standard', standard, '--output', fifo], { stdio: 'ignore' });
    expect(await exited(writer)).toBe(0);
    await readerDone;
    expect(read.trim().split('\n')).toHaveLength(3);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a folder as --output, saying so in Chinese with its path (exit 2)', () => {
    const folder = mkdtempSync(join(dir, 'folder-'));
    const result = cli(['batch', small, '--standard', standard, '--output', folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`facility-standards: ${folder} 是文件夹：请给出要写入的文件名\n`);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('folders that cannot be written', { timeout: 60_000 }, () => {
  it('a missing folder: exit 2, its path named, no stack trace', () => {
    const target = join(dir, 'no-such-folder', 'rows.ndjson');
    const result = cli(['batch', small, '--standard', standard, '--output', target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`facility-standards: 无法写入 ${target}：它所在的文件夹不存在，请先创建该文件夹或换一个路径\n`);
  });

  it.runIf(canMount)('a read-only file system: exit 2, its path named, in English with --lang en', () => {
    const mountPoint = tmpfs('64k', ',ro')!;
    mounts.push(mountPoint);
    const target = join(mountPoint, 'rows.ndjson');
    const zh = cli(['batch', small, '--standard', standard, '--output', target]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`facility-standards: ${target} 位于只读文件系统上，无法写入：请写到另一个位置\n`);
    const en = cli(['batch', small, '--standard', standard, '--output', target, '--lang', 'en']);
    expect(en.stderr).toBe(`facility-standards: ${target} is on a read-only file system: write it somewhere else\n`);
  });

  it.runIf(process.getuid?.() !== 0)('a folder without write permission: exit 2, its path named', () => {
    const folder = mkdtempSync(join(dir, 'locked-'));
    execFileSync('chmod', ['555', folder]);
    const target = join(folder, 'rows.ndjson');
    const result = cli(['batch', small, '--standard', standard, '--output', target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`没有权限写入 ${target}`);
  });
});

describe.runIf(canMount)('a full disk', { timeout: 60_000 }, () => {
  let disk: string;
  beforeAll(() => {
    disk = tmpfs('64k')!;
    mounts.push(disk);
  });

  it('batch --output: exit 2, the old file as it was, no temporary file keeping the disk full', () => {
    writeFileSync(join(disk, 'rows.ndjson'), 'yesterday\n');
    const result = cli(['batch', join(dir, 'big.ndjson'), '--standard', standard, '--output', join(disk, 'rows.ndjson'), '--workers', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`facility-standards: 磁盘空间不足，无法写入 ${join(disk, 'rows.ndjson')}：请腾出空间或写到另一个磁盘\n`);
    expect(readFileSync(join(disk, 'rows.ndjson'), 'utf8')).toBe('yesterday\n');
    expect(readdirSync(disk)).toEqual(['rows.ndjson']);
  });

  it('template --output: the existing sheet untouched, no empty new one left', () => {
    rmSync(join(disk, 'rows.ndjson'));
    const filler = Buffer.alloc(50 * 1024, 1);
    writeFileSync(join(disk, 'filler'), filler);
    writeFileSync(join(disk, 'sheet.xlsx'), 'an earlier sheet');
    const overwrite = cli(['template', '--standard', standard, '--output', join(disk, 'sheet.xlsx')]);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain(`磁盘空间不足，无法写入 ${join(disk, 'sheet.xlsx')}`);
    expect(readFileSync(join(disk, 'sheet.xlsx'), 'utf8')).toBe('an earlier sheet');
    const fresh = cli(['template', '--standard', standard, '--output', join(disk, 'new.xlsx')]);
    expect(fresh.code).toBe(2);
    expect(readdirSync(disk).sort()).toEqual(['filler', 'sheet.xlsx']);
  });
});

describe('a reader that stops early or reads slowly', { timeout: 60_000 }, () => {
  /** Runs the CLI with its standard output closed as soon as it starts: every write fails with EPIPE. */
  async function closedEarly(args: readonly string[]) {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy();
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return { code: await exited(child), stderr };
  }

  it.each([
    ['list', ['list']],
    ['check', ['check', 'examples/xigou-dongzhuang.yaml']],
    ['batch', ['batch', small, '--standard', standard]],
    ['schema', ['schema']],
  ])('%s | head: ends quietly with status 141', async (_name, args) => {
    const { code, stderr } = await closedEarly(args);
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });

  it('batch to a slow reader: the batch waits for it, instead of running ahead into memory', async () => {
    const child = spawn(process.execPath, [cliPath, 'batch', big, '--standard', standard, '--workers', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.pause();
    // 20,000 rows take well under this to evaluate; unread, the batch must not get through them.
    await sleep(4000);
    expect(stderr).toBe('');
    let bytes = 0;
    child.stdout!.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.stdout!.resume();
    expect(await exited(child)).toBe(0);
    expect(stderr).toContain('行 20000 · 已评估 20000 · 错误 0');
    expect(bytes).toBeGreaterThan(20_000 * 100);
  }, 60_000);
});

describe('files left behind', { timeout: 60_000 }, () => {
  it.each([
    ['SIGHUP', 129],
    ['SIGTERM', 143],
  ] as const)('%s mid-run: exit %i, the temporary file removed', async (signal, status) => {
    const folder = mkdtempSync(join(dir, `${signal}-`));
    const child = spawn(process.execPath, [cliPath, 'batch', big, '--standard', standard, '--output', join(folder, 'rows.ndjson'), '--workers', '0'], { stdio: 'ignore' });
    while (partials(folder).length === 0 || statSync(join(folder, partials(folder)[0]!)).size === 0) await sleep(10);
    child.kill(signal);
    expect(await exited(child)).toBe(status);
    expect(readdirSync(folder)).toEqual([]);
  }, 30_000);

  it('a killed run (kill -9): the next run writing the same file names its .partial and removes it', async () => {
    const folder = mkdtempSync(join(dir, 'killed-'));
    const target = join(folder, 'rows.ndjson');
    const child = spawn(process.execPath, [cliPath, 'batch', big, '--standard', standard, '--output', target, '--workers', '0'], { stdio: 'ignore' });
    while (partials(folder).length === 0 || statSync(join(folder, partials(folder)[0]!)).size === 0) await sleep(10);
    child.kill('SIGKILL');
    await exited(child);
    const stale = join(folder, `rows.ndjson.${child.pid}.partial`);
    expect(readdirSync(folder)).toEqual([`rows.ndjson.${child.pid}.partial`]);

    const next = cli(['batch', small, '--standard', standard, '--output', target]);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`facility-standards: 已删除 ${stale}：这是一次中断的运行（进程 ${child.pid}，已不在运行）留下的未完成文件\n`);
    expect(readdirSync(folder)).toEqual(['rows.ndjson']);
  }, 30_000);

  it('keeps the .partial of a run still going', () => {
    const folder = mkdtempSync(join(dir, 'alive-'));
    const live = join(folder, `rows.ndjson.${process.pid}.partial`); // this test's own process: alive
    writeFileSync(live, 'in progress');
    expect(cli(['batch', small, '--standard', standard, '--output', join(folder, 'rows.ndjson')]).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['rows.ndjson', `rows.ndjson.${process.pid}.partial`]);
  });

  it('a --report that cannot be written leaves no --output either: both or none', () => {
    const folder = mkdtempSync(join(dir, 'both-'));
    const report = join(folder, 'missing', 'report.html');
    const result = cli(['batch', small, '--standard', standard, '--output', join(folder, 'rows.ndjson'), '--report', report]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`facility-standards: 无法写入 ${report}：它所在的文件夹不存在，请先创建该文件夹或换一个路径\n`);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('replacing an existing --output keeps its permissions', () => {
    const folder = mkdtempSync(join(dir, 'mode-'));
    const target = join(folder, 'rows.ndjson');
    writeFileSync(target, 'old\n', { mode: 0o640 });
    expect(cli(['batch', small, '--standard', standard, '--output', target]).code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });
});

describe('inputs that cannot be read', { timeout: 60_000 }, () => {
  it('a folder given as a record file is named, in Chinese', () => {
    const folder = mkdtempSync(join(dir, 'records-'));
    const result = cli(['check', folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${folder} 是文件夹，不是文件：请给出其中的一个文件\n`);
  });

  it('a missing batch input: exit 2, said in Chinese, not the raw ENOENT', () => {
    const result = cli(['batch', 'nosuch.xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('facility-standards: 找不到 nosuch.xlsx：请检查路径和文件名\n');
  });

  it('a folder as the batch input', () => {
    const folder = mkdtempSync(join(dir, 'input-'));
    mkdirSync(join(folder, 'clinics.csv'));
    const result = cli(['batch', join(folder, 'clinics.csv'), '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`facility-standards: ${join(folder, 'clinics.csv')} is a folder, not a file: give a file in it\n`);
  });
});

describe('limits and dates', { timeout: 60_000 }, () => {
  it('--workers beyond the cores is a usage error saying the limit', () => {
    const result = cli(['batch', small, '--workers', '400']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`facility-standards: --workers 须为 0 到 ${availableParallelism()}（本机的核心数）之间的整数，而不是“400”\n`);
    expect(cli(['batch', small, '--standard', standard, '--workers', String(availableParallelism())]).code).toBe(0);
    expect(cli(['batch', small, '--workers', '-1']).code).toBe(2);
  });

  it('--as-of refuses a day that is not on the calendar, with the reason', () => {
    const zh = cli(['batch', small, '--as-of', '2026-02-30']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('facility-standards: --as-of：2026-02-30 不是日历上的日期：2026 年 2 月只有 28 天\n');
    const en = cli(['batch', small, '--as-of', '2028-02-30', '--lang', 'en']);
    expect(en.stderr).toBe('facility-standards: --as-of: 2028-02-30 is not on the calendar: February 2028 has 29 days\n');
    expect(cli(['batch', small, '--standard', standard, '--as-of', '2028-02-29']).code).toBe(0);
  });

  it('a waiver expiring on 2026-02-30 and a programme due by it are refused with the same reason', () => {
    const waivers = join(dir, 'waivers.yaml');
    writeFileSync(waivers, `- facility: clinic-0\n  standard: ${standard}\n  requirement: four-rooms\n  justification: 村庄搬迁\n  approver: 县卫健局\n  expires: 2026-02-30\n`);
    const waived = cli(['batch', small, '--waivers', waivers]);
    expect(waived.code).toBe(2);
    expect(waived.stderr).toContain('2026-02-30 不是日历上的日期：2026 年 2 月只有 28 天');
    expect(cli(['batch', small, '--waivers', waivers, '--lang', 'en']).stderr).toContain('2026-02-30 is not on the calendar: February 2026 has 28 days');

    const programs = mkdtempSync(join(dir, 'programs-'));
    const text = readFileSync('rules/programs/changzhi-2028.yaml', 'utf8').replace(/by: 2028-12-31/, 'by: 2026-02-30');
    writeFileSync(join(programs, 'changzhi-2028.yaml'), text);
    const program = cli(['validate', programs]);
    expect(program.code).toBe(2);
    expect(program.stderr).toContain('2026-02-30 不是日历上的日期：2026 年 2 月只有 28 天');
  });
});

describe('the wording of file-system errors', { timeout: 60_000 }, () => {
  const codes = ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE', 'EEXIST', 'ELOOP', 'ENAMETOOLONG', 'EIO', 'EFBIG', 'EBUSY', 'ENXIO'];
  it.each(codes)('%s: a sentence in zh and in en naming the path, reading and writing', async (code) => {
    const { fileErrorText } = await import('../src/cli/failure.js');
    const error = Object.assign(new Error(code), { code });
    for (const action of ['read', 'write'] as const) {
      const text = fileErrorText(error, action, '/data/平顺县.xlsx');
      expect(text.zh).toContain('/data/平顺县.xlsx');
      expect(text.en).toContain('/data/平顺县.xlsx');
      expect(text.zh).not.toContain(code); // the fallback names the code: these have their own words
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a code without words of its own still names the path and the code', async () => {
    const { fileErrorText } = await import('../src/cli/failure.js');
    const text = fileErrorText(Object.assign(new Error('x'), { code: 'ESTALE' }), 'write', 'out.ndjson');
    expect(text).toEqual({ zh: '无法写入 out.ndjson（ESTALE）：请检查该文件及其所在的磁盘', en: 'cannot write out.ndjson (ESTALE): check the file and its disk' });
  });

  it('--output and --report naming one file are refused before anything is written', () => {
    const folder = mkdtempSync(join(dir, 'same-'));
    const result = cli(['batch', small, '--output', join(folder, 'r.json'), '--report', join(folder, 'r.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`facility-standards: --output 和 --report 都是 ${join(folder, 'r.json')}：请给它们不同的文件\n`);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a waiver file that is a folder is named', () => {
    const folder = mkdtempSync(join(dir, 'waivers-'));
    const result = cli(['batch', small, '--waivers', folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`facility-standards: ${folder} 是文件夹，不是文件：请给出其中的一个文件\n`);
  });
});
