// `facility-standards check`: records against standards or ladders, reported as text, JSON,
// Markdown or HTML. zod, the rule-file loader and the portfolio are loaded only when needed.
import { parseArgs } from 'node:util';
import { DiagnosticError, FacilityTypeError, UnknownIdError, type Diagnostic } from '../diagnostic.js';
import { evaluateRecordSync } from '../evaluate/report.js';
import type { Report } from '../evaluate/result.js';
import type { LadderAssessment } from '../evaluate/ladder.js';
import { readTextFile } from '../input/decode.js';
import type { Notice } from '../notice.js';
import { readRecordsText } from '../record/read.js';
import type { FacilityRecord } from '../record/schema.js';
import { renderJson, renderLadderJson } from '../report/json.js';
import { renderLadderText, renderText } from '../report/text.js';
import { knownRegions, normalizeRegion, unplacedNotice } from '../standard/region.js';
import { bundledLadders, bundledStandards, selectStandards } from '../standard/registry.js';
import { fileErrorText, isFileSystemError, isInputError } from './failure.js';
import { exitCode, type Io } from './main.js';
import { oneOf, UsageError } from './usage.js';

export async function check(args: readonly string[], io: Io): Promise<number> {
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
    const { loadRuleFiles } = await import('../files.js');
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
  const facilities: { record: FacilityRecord; reports: Report[] }[] = [];
  const ladder = chosenLadders.length > 0 ? await import('../evaluate/ladder.js') : undefined;
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
          for (const chosenLadder of chosenLadders) assessments.push(await ladder!.assessLadderRecord(record, chosenLadder, { standards }));
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
        for (const standard of applicable) own.push(evaluateRecordSync(record, standard));
        for (const notice of own[0]?.notices ?? []) said(notice);
        reports.push(...own);
        if (own.length > 0) facilities.push({ record, reports: own });
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
    const [{ portfolioBuilder }, { batchReportOf, facilityOf, today }, { renderPortfolioHtml }, { renderPortfolioMarkdown }] = await Promise.all([
      import('../batch/portfolio.js'),
      import('../batch/rows.js'),
      import('../report/html.js'),
      import('../report/markdown.js'),
    ]);
    const builder = portfolioBuilder({ standards: standards.values(), asOf: today(), input: positionals.join(', ') });
    for (const [i, { record, reports: own }] of facilities.entries()) {
      builder.add({ row: i + 1, facility: facilityOf(record), reports: own.map((r) => batchReportOf(r, 'all')) });
    }
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

/** The most `check -` reads from standard input: one file's worth of records (use batch for more). */
export const maxStdinBytes = 16 * 1024 * 1024;

/** The records of a file, or of standard input for `-` (YAML or JSON). */
async function readRecords(file: string, io: Io): Promise<FacilityRecord[]> {
  if (file !== '-') return readRecordsText((await readTextFile(file)).text, file);
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
  return readRecordsText(Buffer.concat(chunks).toString('utf8'), '-');
}

