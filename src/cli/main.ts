import { createWriteStream, rmSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { formatOf, unknownFormatMessage } from '../batch/input.js';
import { portfolioBuilder } from '../batch/portfolio.js';
import { batchReportOf, facilityOf, today, type OutputRow } from '../batch/rows.js';
import { runBatch, type BatchResult } from '../batch/run.js';
import { SheetError } from '../batch/sheet.js';
import { loadColumnMap } from '../input/column-map.js';
import { sheetNotesText } from '../input/messages.js';
import { assessmentArgs, prepareAssessment, summaryText } from './assessment.js';
import { countLines, progressBar } from './progress.js';
import { schemaCommand } from './schema.js';
import { templateCommand } from './template.js';
import { oneOf, UsageError } from './usage.js';
import { DiagnosticError } from '../diagnostic.js';
import { evaluateRecord } from '../evaluate/evaluate.js';
import type { Report } from '../evaluate/result.js';
import { assessLadderRecord, type LadderAssessment } from '../evaluate/ladder.js';
import { loadRuleFiles, readRecordFile, ruleFilePaths } from '../files.js';
import type { FacilityRecord } from '../record/schema.js';
import { renderJson, renderLadderJson } from '../report/json.js';
import { renderPortfolioHtml } from '../report/html.js';
import { renderPortfolioMarkdown } from '../report/markdown.js';
import { renderLadderText, renderText } from '../report/text.js';
import { bundledLadders, bundledPrograms, bundledStandards, standardsFor } from '../standard/registry.js';
import type { Ladder } from '../standard/ladder.js';

/** Where the CLI writes; a test passes its own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether to draw progress bars on stderr: when it is a terminal. */
  readonly progress?: boolean;
}

/**
 * Exit codes: every standard met (or not applicable); a gap or unknown; invalid input or usage;
 * a fault in the library itself.
 */
export const exitCode = { met: 0, gaps: 1, invalid: 2, internal: 3 } as const;

const usage = `Usage: facility-standards <command> [options]

Commands:
  check <record files…>   Evaluate facility records (YAML or JSON, one record or a list per file)
      --standard ID       Standard to apply (repeatable); default: every standard for the record's
                          type in force in its region (national, province, city, county)
      --ladder ID         Instead: the highest level reached on a ladder, and the gaps to the next
      --rules PATH        Load rule files or directories too (repeatable); they may extend bundled ones
      --format FORMAT     text (the default), json, markdown, or html (one self-contained page)
      --lang zh|en        Language of the text output (default: zh)
  batch <file>            Evaluate many records: one output line (NDJSON) per input row, its
                          reports with their gaps, or why it could not be evaluated. The file:
                          .xlsx (first sheet with a header row), .csv (UTF-8 or GBK), .ndjson or
                          .jsonl (one JSON record per line; CSV and NDJSON are streamed), or
                          .yaml, .yml, .json (a list of records)
      --standard ID       Standards to apply (repeatable); default: by each record's type and region
      --rules PATH        Load rule files or directories too (repeatable)
      --columns FILE      A column map (YAML, sheet header: record field) for headers not known
      --output FILE       Write there (complete or not at all); default: standard output
      --workers N         Worker threads; default: all cores for inputs over 4 MB, else none
      --program ID        Measure a programme's targets (repeatable): required, achieved, the gap,
                          and the facilities closest to counting
      --waivers FILE      Waivers (YAML or CSV): covered requirements become waived, not gaps
      --as-of DATE        The day waivers are judged on (YYYY-MM-DD); default: today
      --report FILE       Also write a report people read: .html (self-contained, prints on A4),
                          .md, or .json (the portfolio); the rows then go to --output only
      --lang zh|en        Language of the summary and the report (default: zh)
  template --standard ID  Write an empty data-collection sheet for a standard: its columns, with
                          hints (template --help for the options)
      --format xlsx|csv   Default: by the --output name, else csv
      --output FILE       Default: standard output (csv only)
      --lang zh|en        Chinese headers with units (default), or record paths
  list                    List the bundled standards with their sources, the ladders and programmes
  validate <paths…>       Check rule files and directories; print every problem at file:line:column
  schema [record|rule-file|ladder|program|report]
                          Print a JSON Schema (draft 2020-12): a facility record (the default), a
                          rule file, a ladder file, a programme file, or what check --format json writes

Exit codes: 0 all met, 1 any gap or unknown, 2 invalid input, 3 internal error.
`;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'batch':
        return await batch(rest, io);
      case 'list':
        return list(io);
      case 'validate':
        return await validate(rest, io);
      case 'schema':
        return await schemaCommand(rest, io);
      case 'template':
        return await templateCommand(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(usage);
        return command === undefined ? exitCode.invalid : exitCode.met;
      default:
        io.stderr(`facility-standards: unknown command "${command}"\n\n${usage}`);
        return exitCode.invalid;
    }
  } catch (error) {
    if (!isInputError(error)) {
      io.stderr(`facility-standards: internal error, please report it:\n${(error as Error)?.stack ?? String(error)}\n`);
      return exitCode.internal;
    }
    io.stderr(`facility-standards: ${error.message}\n`);
    return exitCode.invalid;
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
  const pick = <T>(kind: string, ids: readonly string[], known: ReadonlyMap<string, T>): T[] =>
    ids.map((id) => {
      const found = known.get(id);
      if (!found) throw new UsageError(`unknown ${kind} "${id}"; known: ${[...known.keys()].join(', ')}`);
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
  for (const file of positionals) {
    let records: FacilityRecord[];
    try {
      records = await readRecordFile(file);
    } catch (error) {
      if (!isInputError(error)) throw error;
      errors.push(error.message);
      continue;
    }
    for (const [index, record] of records.entries()) {
      if (chosenLadders.length > 0) {
        for (const ladder of chosenLadders) assessments.push(await assessLadderRecord(record, ladder, { standards }));
        continue;
      }
      const applicable = chosen.length > 0 ? chosen : record.type ? standardsFor(standards.values(), record.type, record.region) : [];
      if (applicable.length === 0) {
        const which = records.length > 1 ? `${file} record ${index + 1}` : file;
        errors.push(`${which}: no standard to apply; give the record a "type" (village-clinic or township-health-center) or pass --standard`);
      }
      const own: Report[] = [];
      for (const standard of applicable) own.push(await evaluateRecord(record, standard));
      reports.push(...own);
      if (own.length > 0) facilities.push({ row: facilities.length + 1, facility: facilityOf(record), reports: own.map((r) => batchReportOf(r, 'all')) });
    }
  }

  if (chosenLadders.length > 0) {
    if (format === 'json') io.stdout(renderLadderJson(assessments, errors));
    else if (assessments.length > 0) io.stdout(renderLadderText(assessments, { lang }));
  } else if (format === 'json') io.stdout(renderJson(reports, errors));
  else if (format === 'markdown' || format === 'html') {
    const builder = portfolioBuilder({ standards: standards.values(), asOf: today(), input: positionals.join(', ') });
    for (const facility of facilities) builder.add(facility);
    const portfolio = builder.finish();
    io.stdout(format === 'html' ? renderPortfolioHtml(portfolio, { lang }) : renderPortfolioMarkdown(portfolio, { lang }));
  }
  else if (reports.length > 0) io.stdout(renderText(reports, { lang }));
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
      columns: { type: 'string' },
      ...assessmentArgs,
    },
  });
  if (positionals.length !== 1) throw new UsageError('batch needs exactly one input file (.xlsx, .csv, .ndjson, .jsonl, .yaml, .yml or .json)');
  const file = positionals[0]!;
  const format = formatOf(file);
  if (!format) throw new UsageError(unknownFormatMessage(file));
  const workers =
    values.workers !== undefined
      ? Number(values.workers)
      : (await stat(file)).size > 4 * 1024 * 1024
        ? availableParallelism()
        : 0;
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers must be a whole number, not "${values.workers}"`);

  const assessment = await prepareAssessment(values, file);
  const columnMap = values.columns === undefined ? undefined : loadColumnMap(await readFile(values.columns, 'utf8'), values.columns);
  const output = values.output === undefined ? undefined : await openAtomically(values.output);
  const progress = io.progress ? progressBar(io.stderr, /^(csv|ndjson)$/.test(format) ? await countLines(file) - (format === 'csv' ? 1 : 0) : undefined) : undefined;
  let tally: BatchResult;
  try {
    tally = await runBatch({
      input: file,
      format,
      output: output?.stream ?? (assessment.wantsRows ? stdoutStream(io) : discard()),
      standards: values.standard ?? [],
      rules: values.rules ?? [],
      workers,
      ...(columnMap && { columnMap }),
      ...assessment.settings,
      ...(progress && { onProgress: progress.update }),
    });
  } catch (error) {
    progress?.done();
    await output?.abandon();
    if (error instanceof SheetError) throw new UsageError(`${file}: ${error.text(assessment.lang)}`);
    if (error instanceof Error && /^unknown standard/.test(error.message)) throw new UsageError(error.message);
    throw error;
  }
  progress?.done();
  const { portfolio, report } = assessment.finish();
  if (report !== undefined) await writeAtomically(values.report!, report);
  await output?.commit();

  if (tally.input.encoding === 'gb18030') io.stderr(`${file}: read as GBK (GB18030), not UTF-8\n`);
  if (tally.input.worksheet !== undefined) io.stderr(`${file}: worksheet "${tally.input.worksheet}"\n`);
  io.stderr(sheetNotesText(tally.notes, assessment.lang, `${file}: `));
  if (tally.input.emptyRows > 0) io.stderr(`${file}: ${tally.input.emptyRows} empty row${tally.input.emptyRows === 1 ? '' : 's'} skipped\n`);

  io.stderr(summaryText(tally, portfolio, assessment.lang));
  if (report !== undefined) io.stderr(`${values.report}\n`);
  if (tally.errors > 0) return exitCode.invalid;
  const settled = Object.values(tally.outcomes).every((c) => c.gap === 0 && c.unknown === 0);
  return settled ? exitCode.met : exitCode.gaps;
}

/** A stream that drops what it is given: a batch's rows when a report holds them. */
function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/** Writes a whole file under a temporary name, then renames it: never half a report. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.partial`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** Standard output through the Io, as a stream the batch can write to. */
function stdoutStream(io: Io): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      io.stdout(chunk.toString());
      done();
    },
  });
}

/**
 * A file written under a temporary name and renamed when complete, so that an interrupted batch
 * (an error, Ctrl-C) never leaves a half-written report where the finished one would be.
 */
async function openAtomically(path: string) {
  const temporary = `${path}.${process.pid}.partial`;
  const stream = createWriteStream(temporary);
  const abandon = async () => {
    stream.destroy();
    await rm(temporary, { force: true });
  };
  // Synchronously and at once: a batch still writing to the file must not outlive the signal.
  const onSignal = () => {
    rmSync(temporary, { force: true });
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const release = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return {
    stream,
    async commit() {
      release();
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
      await rename(temporary, path);
    },
    async abandon() {
      release();
      await abandon();
    },
  };
}

function list(io: Io): number {
  io.stdout('Standards\n');
  for (const standard of bundledStandards().values()) {
    io.stdout(
      `${standard.id}@${standard.version}  ${standard.title.zh} / ${standard.title.en}\n` +
        `    ${standard.facilityType}, ${standard.requirements.length} requirement${standard.requirements.length === 1 ? '' : 's'}` +
        `${standard.extends ? `, extends ${standard.extends}` : ''}` +
        `${standard.status === 'partial' ? ', partial: its source leaves parts undefined' : ''}` +
        `${standard.evidence === 'translation' ? ', from a translation' : ''}\n` +
        `    ${standard.source.issuer} ${standard.source.date}: ${standard.source.title} (${standard.source.file ?? standard.source.url})\n`,
    );
  }
  io.stdout('\nLadders\n');
  for (const ladder of bundledLadders().values()) io.stdout(describeLadder(ladder));
  io.stdout('\nProgrammes\n');
  for (const program of bundledPrograms().values()) {
    io.stdout(
      `${program.id}  ${program.title.zh} / ${program.title.en}\n` +
        program.targets.map((t) => `    ${t.id} (by ${t.by}): ${t.title.zh}\n`).join(''),
    );
  }
  return exitCode.met;
}

function describeLadder(ladder: Ladder): string {
  return `${ladder.id}  ${ladder.title.zh} / ${ladder.title.en}\n    ${ladder.levels.map((l) => l.standard).join(' → ')}\n`;
}

async function validate(paths: readonly string[], io: Io): Promise<number> {
  if (paths.length === 0) throw new UsageError('validate needs rule files or directories');
  const files = await ruleFilePaths(paths);
  const loaded = await loadRuleFiles(files);
  const ids = [...loaded.standards.keys(), ...loaded.ladders.keys(), ...loaded.programs.keys()];
  io.stdout(`${files.length} rule file${files.length === 1 ? '' : 's'} valid: ${ids.join(', ')}\n`);
  return exitCode.met;
}


/** Errors about the user's input, whose message says what to fix; anything else is a fault here. */
function isInputError(error: unknown): error is Error {
  if (error instanceof DiagnosticError || error instanceof UsageError) return true;
  // A file that cannot be read (ENOENT …) or an argument parseArgs rejects (ERR_PARSE_ARGS_…).
  return error instanceof Error && 'code' in error && typeof error.code === 'string';
}
