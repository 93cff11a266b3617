import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { templateColumnMap, templateColumns, templateCsv, templateXlsx, type TemplateLang } from '../batch/template.js';
import { loadRuleFiles } from '../files.js';
import { bundledStandards } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';
import { exitCode, type Io } from './main.js';

export const templateUsage = `Usage: facility-standards template --standard ID [--format xlsx|csv] [--output FILE] [--lang zh|en]

Writes an empty data-collection sheet for one standard: a column for each record field its
requirements read (the facility's id, name, county, township and village first; equipment as one
column per item, holding the number of working units), headed by the Chinese label and unit
(建筑面积（平方米）) or, with --lang en, by the record path (premises.buildingArea). Fill one
facility per row and check them with: facility-standards batch FILE --standard ID.

  --standard ID       The standard (required)
  --format xlsx|csv   xlsx: Excel data validation (whole numbers, decimals, 是/否 and code drop-downs)
                      and a note on every header; csv: UTF-8 with a BOM and a hint row (row 2,
                      starting 说明：) that batch skips. Default: by the --output name, else csv
  --output FILE       Where to write; default: standard output (csv only)
  --lang zh|en        Headers and hints in Chinese (default) or English
  --rules PATH        Load rule files or directories too (repeatable)
  --columns FILE      Also write the column map the headers follow (YAML, header: record field),
                      to edit when a county renames headers and give to batch --columns
`;

/** `facility-standards template`: writes a standard's data-collection sheet. */
export async function templateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      standard: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string' },
      lang: { type: 'string', default: 'zh' },
      rules: { type: 'string', multiple: true },
      columns: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(templateUsage);
    return exitCode.met;
  }
  const fail = (message: string) => {
    io.stderr(`facility-standards: ${message}\n\n${templateUsage}`);
    return exitCode.invalid;
  };
  if (positionals.length > 0) return fail(`template takes no file arguments (${positionals.join(' ')}); give --output FILE`);
  if (!values.standard) return fail('template needs --standard ID');
  const lang = values.lang;
  if (lang !== 'zh' && lang !== 'en') return fail(`--lang must be one of zh, en, not "${lang}"`);
  const byName = values.output && /\.xlsx$/i.test(values.output) ? 'xlsx' : values.output && /\.csv$/i.test(values.output) ? 'csv' : undefined;
  const format = values.format ?? byName ?? 'csv';
  if (format !== 'xlsx' && format !== 'csv') return fail(`--format must be one of xlsx, csv, not "${format}"`);
  if (format === 'xlsx' && !values.output) return fail('an xlsx template is written to a file: give --output FILE.xlsx');

  const standards = new Map<string, Standard>(bundledStandards());
  if (values.rules?.length) for (const [id, standard] of (await loadRuleFiles(values.rules)).standards) standards.set(id, standard);
  const standard = standards.get(values.standard);
  if (!standard) return fail(`unknown standard "${values.standard}"; known: ${[...standards.keys()].join(', ')}`);

  const columns = templateColumns(standard, { lang: lang as TemplateLang });
  if (format === 'csv') {
    const text = templateCsv(columns, lang);
    if (values.output) await writeFile(values.output, text);
    else io.stdout(text);
  } else {
    await writeFile(values.output!, await templateXlsx(standard, columns, { lang, file: values.output! }));
  }
  if (values.columns) await writeFile(values.columns, templateColumnMap(columns, lang));
  if (values.output) io.stderr(`${values.output}: ${columns.length} columns for ${standard.id}@${standard.version}\n`);
  return exitCode.met;
}
