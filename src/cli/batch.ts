// `facility-standards batch`: every row of a sheet or NDJSON file, with programmes, waivers and reports.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { formatOf, unknownFormatMessage } from '../batch/input.js';
import type { RowDefaults } from '../batch/rows.js';
import { runBatch, type BatchResult } from '../batch/run.js';
import { SheetError } from '../batch/sheet.js';
import { UnknownIdError } from '../diagnostic.js';
import { loadColumnMap } from '../input/column-map.js';
import { readTextFile } from '../input/decode.js';
import { InputError } from '../input/errors.js';
import { sheetNotesText } from '../input/messages.js';
import type { Notice } from '../notice.js';
import { isEmpty, readingNotes } from '../report/portfolio-words.js';
import { knownRegions, normalizeRegion } from '../standard/region.js';
import { bundledPrograms, bundledStandards } from '../standard/registry.js';
import type { Lang, LocalizedText } from '../text.js';
import { assessmentArgs, prepareAssessment, summaryText } from './assessment.js';
import { asFileError, isFileSystemError } from './failure.js';
import { exitCode, type Io } from './main.js';
import { commitTogether, drainingStream, flushed, openOutput, type PendingOutput } from './output.js';
import { expectedRows, progressBar } from './progress.js';
import { oneOf, UsageError } from './usage.js';

export async function batch(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      standard: { type: 'string', multiple: true },
      rules: { type: 'string', multiple: true },
      output: { type: 'string' },
      workers: { type: 'string' },
      'input-format': { type: 'string' },
      type: { type: 'string' },
      region: { type: 'string' },
      columns: { type: 'string' },
      'strict-columns': { type: 'boolean' },
      ...assessmentArgs,
    },
  });
  const lang = oneOf('--lang', values.lang, ['zh', 'en'] as const);
  if (positionals.length !== 1) {
    throw new UsageError({
      en: 'batch needs exactly one input file (.xlsx, .csv, .ndjson, .jsonl, .yaml, .yml or .json), or - for standard input',
      zh: 'batch 需要且只需要一个输入文件（.xlsx、.csv、.ndjson、.jsonl、.yaml、.yml 或 .json），或用 - 表示标准输入',
    });
  }
  const file = positionals[0]!;
  const fromStdin = file === '-';
  const givenFormat = values['input-format'] === undefined ? undefined : oneOf('--input-format', values['input-format'], ['csv', 'ndjson', 'records', 'xlsx'] as const);
  if (fromStdin && !givenFormat) {
    throw new UsageError({
      en: 'batch - reads standard input: say its format with --input-format csv, ndjson, records (a YAML or JSON list) or xlsx',
      zh: 'batch - 从标准输入读取：请用 --input-format 说明其格式：csv、ndjson、records（YAML 或 JSON 列表）或 xlsx',
    });
  }
  const format = givenFormat ?? formatOf(file);
  if (!format) throw new UsageError(unknownFormatMessage(file));
  const size = fromStdin ? 0 : await inputSize(file);
  const workers = workersOf(values.workers, size);

  if (values.output !== undefined && values.report !== undefined && resolve(values.output) === resolve(values.report)) {
    throw new UsageError({ en: `--output and --report are both ${values.report}: give them different files`, zh: `--output 和 --report 都是 ${values.report}：请给它们不同的文件` });
  }
  const assessment = await prepareAssessment(values, fromStdin ? '-' : file);
  const defaults = rowDefaults(values.type, values.region, lang);
  const columnMap = values.columns === undefined ? undefined : loadColumnMap((await readTextFile(values.columns)).text, values.columns);
  for (const said of defaults.notices) io.stderr(`--region: ${said.message[lang]}\n`);
  const notice = (text: LocalizedText) => io.stderr(`facility-standards: ${text[lang]}\n`);
  const outputs: PendingOutput[] = [];
  try {
    const output = values.output === undefined ? undefined : await openOutput(values.output, notice);
    if (output) outputs.push(output);
    const progress = io.progress ? progressBar(io.stderr, fromStdin ? undefined : await expectedRows(file, format)) : undefined;
    let tally: BatchResult;
    try {
      const source = fromStdin ? { input: io.stdin ?? process.stdin, format } : { input: file, format };
      const running = runBatch({
        ...source,
        output: output?.stream ?? (assessment.wantsRows ? stdoutStream(io) : discard()),
        standards: values.standard ?? [],
        rules: values.rules ?? [],
        workers,
        defaults: defaults.defaults,
        ...(values['strict-columns'] && { strictColumns: true }),
        ...(columnMap && { columnMap }),
        ...assessment.settings,
        ...(progress && { onProgress: progress.update }),
      });
      running.catch(() => undefined); // a failed output ends the race first
      tally = await (output ? Promise.race([running, output.failed]) : running);
    } catch (error) {
      if (error instanceof InputError) throw new UsageError({ zh: `${file}：${error.zh}`, en: `${file}: ${error.en}` });
      if (error instanceof SheetError) throw new UsageError({ zh: `${file}：${error.zh ?? error.message}`, en: `${file}: ${error.message}` });
      if (error instanceof UnknownIdError) throw new UsageError(error.text);
      throw isFileSystemError(error) ? asFileError(error, 'read', fromStdin ? undefined : file) : error;
    } finally {
      progress?.done();
    }
    if (!output && assessment.wantsRows && io.stdoutStream) await flushed(io.stdoutStream);
    const { portfolio, report } = assessment.finish(tally);
    if (report !== undefined) {
      const written = await openOutput(values.report!, notice);
      outputs.push(written);
      written.stream.write(report);
    }
    await commitTogether(outputs);

    const say = (text: LocalizedText) => io.stderr(`${file}: ${text[lang]}\n`);
    if (tally.input.encoding === 'gb18030') say({ zh: '按 GBK（GB18030）编码读取，不是 UTF-8', en: 'read as GBK (GB18030), not UTF-8' });
    if (tally.input.worksheet !== undefined) say({ zh: `工作表“${tally.input.worksheet}”`, en: `worksheet "${tally.input.worksheet}"` });
    if (tally.input.emptyRows > 0) {
      const n = tally.input.emptyRows;
      say({ zh: `跳过空行 ${n} 行`, en: `${n} empty row${n === 1 ? '' : 's'} skipped` });
    }

    io.stderr(sheetNotesText(tally.notes, lang, `${file}: `));
    for (const note of readingNotes(portfolio, lang)) io.stderr(`${file}: ${note}\n`);
    io.stderr(summaryText(tally, portfolio, lang));
    if (report !== undefined) io.stderr(`${values.report}\n`);
    if (tally.rows === 0) {
      io.stderr(lang === 'zh' ? `${file}：没有可评估的记录\n` : `no records in ${file}\n`);
      return exitCode.invalid;
    }
    if (tally.errors > 0) return exitCode.invalid;
    // A programme target short of its figure, or undecided, is as much a gap as a standard not met.
    const settled =
      Object.values(tally.outcomes).every((c) => c.gap === 0 && c.unknown === 0) &&
      portfolio.programs.every((p) => p.targets.every((t) => t.areas.every((a) => a.status === 'met' || isEmpty(a))));
    return settled ? exitCode.met : exitCode.gaps;
  } finally {
    await Promise.all(outputs.map((o) => o.abandon()));
  }
}

/** The size of a batch input, which must be a file: a folder or a missing file is said with its path. */
async function inputSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path: file });
    return info.size;
  } catch (error) {
    throw asFileError(error, 'read', file);
  }
}

/** `--workers N`: 0 up to the number of cores; by default all cores for inputs over 4 MB. */
function workersOf(given: string | undefined, inputBytes: number): number {
  const cores = availableParallelism();
  if (given === undefined) return inputBytes > 4 * 1024 * 1024 ? cores : 0;
  const workers = /^\d+$/.test(given) ? Number(given) : Number.NaN;
  if (Number.isInteger(workers) && workers <= cores) return workers;
  throw new UsageError({
    en: `--workers must be a whole number from 0 to ${cores} (the cores of this machine), not "${given}"`,
    zh: `--workers 须为 0 到 ${cores}（本机的核心数）之间的整数，而不是“${given}”`,
  });
}

/**
 * What every row of a batch shares, from `--type` (a code or its Chinese name) and `--region`
 * (山西省/长治市/平顺县: province, then city, then county, each read against the known regions).
 */
function rowDefaults(type: string | undefined, region: string | undefined, lang: Lang): { defaults: RowDefaults; notices: Notice[] } {
  const types = { 'village-clinic': 'village-clinic', 村卫生室: 'village-clinic', 'township-health-center': 'township-health-center', 乡镇卫生院: 'township-health-center' } as const;
  const chosenType = type === undefined ? undefined : types[type as keyof typeof types];
  if (type !== undefined && chosenType === undefined) {
    throw new UsageError(
      lang === 'zh' ? `--type 取 village-clinic（村卫生室）或 township-health-center（乡镇卫生院），不是“${type.slice(0, 40)}”` : `--type is village-clinic or township-health-center, not "${type.slice(0, 40)}"`,
    );
  }
  if (region === undefined) return { defaults: chosenType ? { type: chosenType } : {}, notices: [] };
  const parts = region.split(/[/／]/).map((p) => p.trim());
  if (parts.length > 3 || parts.some((p) => p === '' || p.length > 40)) {
    throw new UsageError(lang === 'zh' ? `--region 写作 省/市/县，如 山西省/长治市/平顺县，不是“${region.slice(0, 60)}”` : `--region is written province/city/county, e.g. 山西省/长治市/平顺县, not "${region.slice(0, 60)}"`);
  }
  const given = Object.fromEntries(parts.map((p, i) => [(['province', 'city', 'county'] as const)[i]!, p]));
  const known = knownRegions([...bundledStandards().values(), ...bundledPrograms().values()].map((s) => s.region));
  const normalized = normalizeRegion(given, known);
  return { defaults: { ...(chosenType && { type: chosenType }), region: normalized.region! }, notices: normalized.notices };
}

/** A stream that drops what it is given: a batch's rows when a report holds them. */
function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/** Standard output as a stream the batch can write to, waiting for it to drain. */
function stdoutStream(io: Io): Writable {
  if (io.stdoutStream) return drainingStream(io.stdoutStream);
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      io.stdout(chunk.toString());
      done();
    },
  });
}

