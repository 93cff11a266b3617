import { parseArgs } from 'node:util';
import { templateColumnMap, templateColumns, templateCsv, templateXlsx, type TemplateLang } from '../batch/template.js';
import { loadRuleFiles } from '../files.js';
import { bundledStandards } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';
import type { Lang, LocalizedText } from '../text.js';
import { exitCode, type Io } from './main.js';
import { helpText } from './help.js';
import { writeOutputFile } from './output.js';


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
  const said: Lang = values.lang === 'en' ? 'en' : 'zh';
  const usage = helpText('template', said);
  if (values.help) {
    io.stdout(usage);
    return exitCode.met;
  }
  const fail = (message: LocalizedText) => {
    io.stderr(`facility-standards: ${message[said]}\n\n${usage}`);
    return exitCode.invalid;
  };
  if (positionals.length > 0) return fail({ en: `template takes no file arguments (${positionals.join(' ')}); give --output FILE`, zh: `template 不接受文件参数（${positionals.join(' ')}）；请用 --output FILE` });
  if (!values.standard) return fail({ en: 'template needs --standard ID', zh: 'template 需要 --standard ID' });
  const lang = values.lang;
  if (lang !== 'zh' && lang !== 'en') return fail({ en: `--lang must be one of zh, en, not "${lang}"`, zh: `--lang 只能是 zh、en 之一，而不是“${lang}”` });
  const byName = values.output && /\.xlsx$/i.test(values.output) ? 'xlsx' : values.output && /\.csv$/i.test(values.output) ? 'csv' : undefined;
  const format = values.format ?? byName ?? 'csv';
  if (format !== 'xlsx' && format !== 'csv') return fail({ en: `--format must be one of xlsx, csv, not "${format}"`, zh: `--format 只能是 xlsx、csv 之一，而不是“${format}”` });
  if (format === 'xlsx' && !values.output) return fail({ en: 'an xlsx template is written to a file: give --output FILE.xlsx', zh: 'xlsx 采集表要写到文件：请给出 --output FILE.xlsx' });

  const standards = new Map<string, Standard>(bundledStandards());
  if (values.rules?.length) for (const [id, standard] of (await loadRuleFiles(values.rules)).standards) standards.set(id, standard);
  const standard = standards.get(values.standard);
  if (!standard) return fail({
      en: `unknown standard "${values.standard}"; known: ${[...standards.keys()].join(', ')}`,
      zh: `没有标准“${values.standard}”；已有：${[...standards.keys()].join('、')}`,
    });

  const notice = (text: LocalizedText) => io.stderr(`facility-standards: ${text[lang]}\n`);
  const columns = templateColumns(standard, { lang: lang as TemplateLang });
  if (format === 'csv') {
    const text = templateCsv(columns, lang);
    if (values.output) await writeOutputFile(values.output, text, notice);
    else io.stdout(text);
  } else {
    await writeOutputFile(values.output!, await templateXlsx(standard, columns, { lang, file: values.output! }), notice);
  }
  if (values.output) {
    io.stderr(lang === 'zh' ? `${values.output}：${standard.id}@${standard.version} 的 ${columns.length} 列\n` : `${values.output}: ${columns.length} columns for ${standard.id}@${standard.version}\n`);
  }
  if (values.columns) await writeOutputFile(values.columns, templateColumnMap(columns, lang), notice);
  return exitCode.met;
}
