import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { formatOf, unknownFormatMessage } from '../batch/input.js';
import { portfolioBuilder } from '../batch/portfolio.js';
import { batchReportOf, facilityOf, today, type OutputRow, type RowDefaults } from '../batch/rows.js';
import { runBatch, type BatchResult } from '../batch/run.js';
import { SheetError } from '../batch/sheet.js';
import { InputError } from '../input/errors.js';
import { OptionalDependencyError } from '../optional.js';
import { loadColumnMap } from '../input/column-map.js';
import { sheetNotesText } from '../input/messages.js';
import { readTextFile } from '../input/decode.js';
import { assessmentArgs, prepareAssessment, summaryText } from './assessment.js';
import { asFileError, fileErrorText, FileError, isFileSystemError } from './failure.js';
import { commandFlags, commands, helpText, isCommand, nearestFlag, type Command } from './help.js';
import { commitTogether, drainingStream, flushed, openOutput, type PendingOutput } from './output.js';
import { expectedRows, progressBar } from './progress.js';
import { schemaCommand } from './schema.js';
import { templateCommand } from './template.js';
import { oneOf, UsageError } from './usage.js';
import { DiagnosticError, FacilityTypeError, UnknownIdError, type Diagnostic } from '../diagnostic.js';
import type { Notice } from '../notice.js';
import { knownRegions, normalizeRegion, unplacedNotice } from '../standard/region.js';
import { evaluateRecord } from '../evaluate/evaluate.js';
import type { Report } from '../evaluate/result.js';
import { assessLadderRecord, type LadderAssessment } from '../evaluate/ladder.js';
import { loadRuleFiles, readRecordFile, ruleFilePaths } from '../files.js';
import { parseRecordsText } from '../record/parse.js';
import type { FacilityRecord } from '../record/schema.js';
import { renderJson, renderLadderJson } from '../report/json.js';
import { renderPortfolioHtml } from '../report/html.js';
import { isEmpty, readingNotes } from '../report/portfolio-words.js';
import { renderPortfolioMarkdown } from '../report/markdown.js';
import { renderLadderText, renderText } from '../report/text.js';
import { bundledLadders, bundledPrograms, bundledStandards, selectStandards } from '../standard/registry.js';
import type { Lang, LocalizedText } from '../text.js';

/** Where the CLI reads and writes; a test passes its own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether to draw progress bars on stderr: when it is a terminal. */
  readonly progress?: boolean;
  /** Standard output as a stream, for a batch's rows: written with backpressure. Default: through `stdout`. */
  readonly stdoutStream?: NodeJS.WritableStream;
  /** Standard input, read for the file name `-`. */
  readonly stdin?: Readable;
}

/**
 * Exit codes: every standard met (or not applicable); a gap or unknown; invalid input or usage, or
 * a file that cannot be read or written; a fault in the library itself. Standard output closed
 * early is 141 (128 + SIGPIPE), as a shell reports a command that SIGPIPE ended.
 */
export const exitCode = { met: 0, gaps: 1, invalid: 2, internal: 3, closedOutput: 141 } as const;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = leadingLangMoved(argv);
  const lang = langOf(argv);
  try {
    if (command === undefined) {
      io.stderr(helpText(undefined, lang));
      return exitCode.invalid;
    }
    if (command === '--version' || command === '-v' || command === '-V') {
      io.stdout(`${packageVersion()}\n`);
      return exitCode.met;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      const topic = rest.find((arg) => !arg.startsWith('-'));
      io.stdout(helpText(isCommand(topic) ? topic : undefined, lang));
      return exitCode.met;
    }
    if (!isCommand(command)) {
      const near = nearestFlag(command, commands);
      const hint = near ? { zh: `；您是不是要用 ${near}？`, en: `; did you mean ${near}?` } : { zh: '', en: '' };
      io.stderr(`facility-standards: ${lang === 'zh' ? `没有“${command}”这个命令${hint.zh}` : `unknown command "${command}"${hint.en}`}\n\n${helpText(undefined, lang)}`);
      return exitCode.invalid;
    }
    if (wantsHelp(rest)) {
      io.stdout(helpText(command, lang));
      return exitCode.met;
    }
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'batch':
        return await batch(rest, io);
      case 'list':
        return list(rest, io);
      case 'validate':
        return await validate(rest, io);
      case 'schema':
        return await schemaCommand(rest, io);
      case 'template':
        return await templateCommand(rest, io);
    }
  } catch (error) {
    const text = failureText(error, command);
    if (text === undefined) {
      io.stderr(`facility-standards: internal error, please report it:\n${(error as Error)?.stack ?? String(error)}\n`);
      return exitCode.internal;
    }
    io.stderr(`facility-standards: ${text[lang]}\n`);
    return exitCode.invalid;
  }
}

/** `--lang en check …` as `check … --lang=en`: the language may come before the command too. */
function leadingLangMoved(argv: readonly string[]): readonly string[] {
  const [first, ...rest] = argv;
  if (first === '--lang') return rest.length >= 2 ? [...rest.slice(1), `--lang=${rest[0]}`] : [];
  if (first?.startsWith('--lang=')) return rest.length >= 1 ? [...rest, first] : [];
  return argv;
}

/** The language of the messages: `--lang en` (or `--lang=en`) anywhere on the command line, else Chinese. */
function langOf(argv: readonly string[]): Lang {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'en') return 'en';
  }
  return 'zh';
}

const wantsHelp = (args: readonly string[]) => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
};

/** The version in the package's package.json, found from this module (src/cli/ or dist/). */
function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url), i = 0; i < 4; dir = new URL('..', dir), i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'facility-standards' && pkg.version) return pkg.version;
    } catch {
      // not here: one folder up
    }
  }
  return 'unknown';
}

/** What to tell the user about an error of theirs (bad input, a file that cannot be read or written); undefined for a fault here. */
function failureText(error: unknown, command: string | undefined): LocalizedText | undefined {
  if (error instanceof UsageError || error instanceof FileError) return error.text;
  if (error instanceof InputError) return { zh: error.zh, en: error.en };
  if (error instanceof OptionalDependencyError) return error.text;
  if (error instanceof DiagnosticError) return { zh: error.render('zh'), en: error.render('en') };
  if (isFileSystemError(error)) return fileErrorText(error, 'read');
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) return parseArgsText(error as Error, isCommand(command) ? command : 'check');
  return undefined;
}

/** node:util parseArgs's rejections, said in the user's language with the command's help to turn to. */
function parseArgsText(error: Error, command: Command): LocalizedText {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const flag = /(--[\w-]+)/.exec(quoted)?.[1] ?? quoted;
  const more = { zh: `（facility-standards ${command} --help 列出全部选项）`, en: ` (facility-standards ${command} --help lists them all)` };
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const near = nearestFlag(flag, commandFlags[command]);
      return near
        ? { zh: `${command} 没有选项 ${flag}；您是不是要用 ${near}？${more.zh}`, en: `${command} has no option ${flag}; did you mean ${near}?${more.en}` }
        : { zh: `${command} 没有选项 ${flag}${more.zh}`, en: `${command} has no option ${flag}${more.en}` };
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(error.message)
        ? { zh: `选项 ${flag} 不带值${more.zh}`, en: `${flag} takes no value${more.en}` }
        : { zh: `选项 ${flag} 需要一个值${more.zh}`, en: `${flag} needs a value${more.en}` };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { zh: `${command} 不接受参数“${quoted}”${more.zh}`, en: `${command} takes no argument "${quoted}"${more.en}` };
    default:
      return { zh: `${error.message}${more.zh}`, en: `${error.message}${more.en}` };
  }
}

async function check(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      standard: { type: 'string', multiple: true },
      ladder: { type: 'string', multiple: true },
      rules: { type: 'string', multiple: true },
      format: { type: 'string', default: 'text' },
      lang: { type: 'string', default: 'zh' },
    },
  });
  const format = oneOf('--format', values.format, ['text', 'json', 'markdown', 'html'] as const);
  const lang = oneOf('--lang', values.lang, ['zh', 'en'] as const);
  if (positionals.length === 0) throw new UsageError('check needs at least one record file');

  const standards = new Map(bundledStandards());
  const ladders = new Map(bundledLadders());
  if (values.rules?.length) {
    const loaded = await loadRuleFiles(values.rules);
    for (const [id, standard] of loaded.standards) standards.set(id, standard);
    for (const [id, ladder] of loaded.ladders) ladders.set(id, ladder);
  }
  const pick = <T>(kind: 'standard' | 'ladder', ids: readonly string[], known: ReadonlyMap<string, T>): T[] =>
    ids.map((id) => {
      const found = known.get(id);
      if (!found) throw new UsageError(new UnknownIdError(kind, id, [...known.keys()]).text);
      return found;
    });
  const chosen = pick('standard', values.standard ?? [], standards);
  const chosenLadders = pick('ladder', values.ladder ?? [], ladders);
  if (chosen.length > 0 && chosenLadders.length > 0) throw new UsageError('give --standard or --ladder, not both');
  if (chosenLadders.length > 0 && (format === 'markdown' || format === 'html')) throw new UsageError(`--ladder writes text or json, not ${format}`);

  const reports: Report[] = [];
  /** The same reports by facility, for the Markdown and HTML reports. */
  const facilities: OutputRow[] = [];
  const assessments: LadderAssessment[] = [];
  const errors: string[] = [];
  /** The problems behind `errors`, as data, for --format json. */
  const diagnostics: Diagnostic[] = [];
  const known = knownRegions([...standards.values()].map((s) => s.region));
  const notices: string[] = [];
  for (const file of positionals) {
    let records: FacilityRecord[];
    try {
      records = await readRecords(file, io);
    } catch (error) {
      if (isFileSystemError(error)) {
        errors.push(fileErrorText(error, 'read', file)[lang]);
        continue;
      }
      if (!isInputError(error)) throw error;
      errors.push(error instanceof DiagnosticError ? error.render(lang) : error.message);
      if (error instanceof DiagnosticError) diagnostics.push(...error.diagnostics);
      continue;
    }
    if (records.length === 0) errors.push(lang === 'zh' ? `${file}：文件中没有记录` : `no records in ${file}`);
    for (const [index, given] of records.entries()) {
      const which = records.length > 1 ? `${file} #${index + 1}` : file;
      const normalized = normalizeRegion(given.region, known);
      const record: FacilityRecord = normalized.region === given.region ? given : { ...given, region: normalized.region };
      const said = (notice: Notice) => notices.push(`${which}: ${notice.message[lang]}`);
      normalized.notices.forEach(said);
      try {
        if (chosenLadders.length > 0) {
          for (const ladder of chosenLadders) assessments.push(await assessLadderRecord(record, ladder, { standards }));
          continue;
        }
        let applicable = chosen;
        if (chosen.length === 0 && record.type) {
          const selection = selectStandards(standards.values(), record.type, record.region);
          applicable = selection.standards;
          if (selection.unplaced.length > 0) {
            said(unplacedNotice([...new Set(selection.unplaced.flatMap((u) => u.fields))], selection.unplaced.map((u) => u.standard.id)));
          }
        }
        if (applicable.length === 0) {
          errors.push(
            lang === 'zh'
              ? `${which}：没有可用的标准；请给记录填写机构类型（type：village-clinic 或 township-health-center）及所在地区，或用 --standard 指定标准`
              : `${which}: no standard to apply; give the record a "type" (village-clinic or township-health-center) and its region, or pass --standard`,
          );
        }
        const own: Report[] = [];
        for (const standard of applicable) own.push(await evaluateRecord(record, standard));
        for (const notice of own[0]?.notices ?? []) said(notice);
        reports.push(...own);
        if (own.length > 0) facilities.push({ row: facilities.length + 1, facility: facilityOf(record), reports: own.map((r) => batchReportOf(r, 'all')) });
      } catch (error) {
        if (!(error instanceof FacilityTypeError)) throw error;
        errors.push(`${which}: ${error.text[lang]}`);
      }
    }
  }

  if (chosenLadders.length > 0) {
    if (format === 'json') io.stdout(renderLadderJson(assessments, errors, diagnostics));
    else if (assessments.length > 0) io.stdout(renderLadderText(assessments, { lang }));
  } else if (format === 'json') io.stdout(renderJson(reports, errors, diagnostics));
  else if (format === 'markdown' || format === 'html') {
    const builder = portfolioBuilder({ standards: standards.values(), asOf: today(), input: positionals.join(', ') });
    for (const facility of facilities) builder.add(facility);
    const portfolio = builder.finish();
    io.stdout(format === 'html' ? renderPortfolioHtml(portfolio, { lang }) : renderPortfolioMarkdown(portfolio, { lang }));
  }
  else if (reports.length > 0) io.stdout(renderText(reports, { lang }));
  for (const notice of notices) io.stderr(`${notice}\n`);
  for (const error of errors) io.stderr(`${error}\n`);

  if (errors.length > 0) return exitCode.invalid;
  const settled =
    reports.every((r) => r.outcome === 'met' || r.outcome === 'not-applicable') &&
    assessments.every((a) => a.next === null || a.next.outcome === 'not-applicable');
  return settled ? exitCode.met : exitCode.gaps;
}

async function batch(args: readonly string[], io: Io): Promise<number> {
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

/** The most `check -` reads from standard input: one file's worth of records (use batch for more). */
export const maxStdinBytes = 16 * 1024 * 1024;

/** The records of a file, or of standard input for `-` (YAML or JSON). */
async function readRecords(file: string, io: Io): Promise<FacilityRecord[]> {
  if (file !== '-') return readRecordFile(file);
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of (io.stdin ?? process.stdin) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > maxStdinBytes) {
      throw new UsageError({
        en: `standard input holds more than ${maxStdinBytes / 1024 / 1024} MB: save the records to a file, or use batch`,
        zh: `标准输入超过 ${maxStdinBytes / 1024 / 1024} MB：请把记录存为文件，或改用 batch`,
      });
    }
    chunks.push(chunk);
  }
  return parseRecordsText(Buffer.concat(chunks).toString('utf8'), '-');
}

function list(args: readonly string[], io: Io): number {
  const { values } = parseArgs({ args: [...args], options: { lang: { type: 'string', default: 'zh' }, format: { type: 'string', default: 'text' } } });
  const lang = oneOf('--lang', values.lang, ['zh', 'en'] as const);
  const format = oneOf('--format', values.format, ['text', 'json'] as const);
  const standards = [...bundledStandards().values()];
  const ladders = [...bundledLadders().values()];
  const programs = [...bundledPrograms().values()];
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          standards: standards.map((s) => ({
            id: s.id,
            version: s.version,
            title: s.title,
            facilityType: s.facilityType,
            requirements: s.requirements.length,
            ...(s.extends && { extends: s.extends }),
            status: s.status,
            source: s.source,
          })),
          ladders: ladders.map((l) => ({ id: l.id, title: l.title, levels: l.levels.map((level) => level.standard) })),
          programs: programs.map((p) => ({ id: p.id, title: p.title, targets: p.targets.map((t) => ({ id: t.id, by: t.by, title: t.title })) })),
        },
        null,
        2,
      )}\n`,
    );
    return exitCode.met;
  }
  const zh = lang === 'zh';
  const other: Lang = zh ? 'en' : 'zh';
  const facilityType = (type: string) => (zh ? ({ 'village-clinic': '村卫生室', 'township-health-center': '乡镇卫生院' } as Record<string, string>)[type] ?? type : type);
  io.stdout(zh ? '标准\n' : 'Standards\n');
  for (const standard of standards) {
    const n = standard.requirements.length;
    const notes = [
      facilityType(standard.facilityType),
      zh ? `${n} 项要求` : `${n} requirement${n === 1 ? '' : 's'}`,
      ...(standard.extends ? [zh ? `继承 ${standard.extends}` : `extends ${standard.extends}`] : []),
      ...(standard.status === 'partial' ? [zh ? '部分：来源文件有未明确的内容' : 'partial: its source leaves parts undefined'] : []),
      ...(standard.evidence === 'translation' ? [zh ? '依据译文' : 'from a translation'] : []),
    ];
    io.stdout(
      `${standard.id}@${standard.version}  ${standard.title[lang]} / ${standard.title[other]}\n` +
        `    ${notes.join(zh ? '，' : ', ')}\n` +
        `    ${standard.source.issuer} ${standard.source.date}: ${standard.source.title} (${standard.source.file ?? standard.source.url})\n`,
    );
  }
  io.stdout(zh ? '\n等级阶梯\n' : '\nLadders\n');
  for (const ladder of ladders) io.stdout(`${ladder.id}  ${ladder.title[lang]} / ${ladder.title[other]}\n    ${ladder.levels.map((l) => l.standard).join(' → ')}\n`);
  io.stdout(zh ? '\n工作方案\n' : '\nProgrammes\n');
  for (const program of programs) {
    io.stdout(
      `${program.id}  ${program.title[lang]} / ${program.title[other]}\n` +
        program.targets.map((t) => `    ${t.id} (${zh ? '期限' : 'by'} ${t.by}): ${t.title[lang]}\n`).join(''),
    );
  }
  return exitCode.met;
}

async function validate(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals: paths } = parseArgs({ args: [...args], allowPositionals: true, options: { lang: { type: 'string', default: 'zh' } } });
  const lang = oneOf('--lang', values.lang, ['zh', 'en'] as const);
  if (paths.length === 0) throw new UsageError({ en: 'validate needs rule files or directories', zh: 'validate 需要规则文件或文件夹' });
  const files = await ruleFilePaths(paths);
  const loaded = await loadRuleFiles(files);
  const ids = [...loaded.standards.keys(), ...loaded.ladders.keys(), ...loaded.programs.keys()];
  io.stdout(
    lang === 'zh'
      ? `${files.length} 个规则文件有效：${ids.join('、')}\n`
      : `${files.length} rule file${files.length === 1 ? '' : 's'} valid: ${ids.join(', ')}\n`,
  );
  return exitCode.met;
}

/** Errors about the user's input, whose message says what to fix; anything else is a fault here. */
function isInputError(error: unknown): error is Error {
  return error instanceof DiagnosticError || error instanceof UsageError || error instanceof FileError;
}
