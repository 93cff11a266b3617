import { editDistance } from '../suggest.js';
import type { Lang, LocalizedText } from '../text.js';

/** `schema`'s usage, in English (the schema kinds are English words). */
export const schemaUsage = `Usage: facility-standards schema [record|rule-file|ladder|program|report]

Prints a JSON Schema (draft 2020-12) to standard output:
  record      a facility record (the default)
  rule-file   a rule file: one standard or overlay (for editors: # yaml-language-server: $schema=…)
  ladder      a ladder file
  program     a programme file (rules/programs/: targets over a region's facilities)
  report      what check --format json writes ({ reports } or, with --ladder, { ladders })

The same schemas are in the package: facility-standards/schemas/<kind>.schema.json.
`;

/** The commands, each with its help and the flags it takes. */
export const commands = ['check', 'batch', 'template', 'list', 'validate', 'schema'] as const;
export type Command = (typeof commands)[number];

export const isCommand = (word: string | undefined): word is Command => (commands as readonly string[]).includes(word ?? '');

/** Every command's flags: to suggest the one meant when a flag is unknown. */
export const commandFlags: Readonly<Record<Command, readonly string[]>> = {
  check: ['--standard', '--ladder', '--rules', '--format', '--lang', '--help'],
  batch: ['--standard', '--rules', '--output', '--workers', '--input-format', '--type', '--region', '--columns', '--strict-columns', '--program', '--waivers', '--as-of', '--report', '--lang', '--help'],
  template: ['--standard', '--format', '--output', '--lang', '--rules', '--columns', '--help'],
  list: ['--format', '--lang', '--help'],
  validate: ['--lang', '--help'],
  schema: ['--help'],
};

const footer: LocalizedText = {
  zh: `退出码：
  0    全部达标（或不适用）
  1    结果中有未达标或未知项
  2    输入或用法有误，或文件无法读写（不存在、是文件夹、没有权限、磁盘已满）：消息会写明路径和处理办法
  3    facility-standards 内部错误（请连同消息一起报告）
  141  标准输出被提前关闭（如接到 head）：输出安静地停止
  129、130、143  被 SIGHUP、SIGINT（Ctrl-C）或 SIGTERM 中断；未完成的文件会被删除

文件：--output 和 --report 先写到目标旁的临时文件（FILE.进程号.partial），完成后再改名覆盖目标，
两者要么都写成，要么都不写；/dev/null、命名管道或终端就地写入，文件夹会被拒绝，符号链接会跟随到
它指向的文件。被强行终止的运行留下的 .partial，会由下一次写同一文件的运行删除并提示。
`,
  en: `Exit codes:
  0    every standard met (or not applicable)
  1    a gap or an unknown in the results
  2    invalid input or usage, or a file that cannot be read or written (missing, a folder, no
       permission, a full disk): the message names the path and what to do
  3    an internal error in facility-standards (please report it, with the message)
  141  standard output was closed early (piped into head, say): the output stops quietly
  129, 130, 143  interrupted by SIGHUP, SIGINT (Ctrl-C) or SIGTERM; unfinished files are removed

Files: --output and --report are written under a temporary name beside the file (FILE.PID.partial)
and renamed over it when complete, both or neither; /dev/null, a FIFO or a terminal is written in
place, a folder is refused, a symbolic link is followed to its file. A .partial left by a killed
run is removed, and named, by the next run that writes the same file.
`,
};

const overview: LocalizedText = {
  zh: `用法：facility-standards <命令> [选项]

命令：
  check <记录文件…|->      评估机构记录（YAML 或 JSON，每个文件一条或一组记录；- 从标准输入读取）
  batch <文件|->           批量评估：每个输入行输出一行 NDJSON（.xlsx、.csv、.ndjson、.jsonl、.yaml、.json）
  template --standard ID   生成某一标准的空白数据采集表（xlsx 或 csv）
  list                     列出内置的标准及其来源、等级阶梯和工作方案
  validate <路径…>          检查规则文件和文件夹，逐个给出 文件:行:列 处的问题
  schema [种类]            输出 JSON Schema（record、rule-file、ladder、program、report）

  facility-standards <命令> --help   查看某个命令的全部选项（--lang en 为英文）
  facility-standards --version       显示版本

`,
  en: `Usage: facility-standards <command> [options]

Commands:
  check <record files…|->  Evaluate facility records (YAML or JSON, one record or a list per file;
                           - reads standard input)
  batch <file|->           Evaluate many records: one NDJSON output line per input row (.xlsx, .csv,
                           .ndjson, .jsonl, .yaml, .yml, .json)
  template --standard ID   Write an empty data-collection sheet for a standard (xlsx or csv)
  list                     List the bundled standards with their sources, the ladders and programmes
  validate <paths…>        Check rule files and directories; print every problem at file:line:column
  schema [kind]            Print a JSON Schema (record, rule-file, ladder, program, report)

  facility-standards <command> --help   Every option of a command (in Chinese without --lang en)
  facility-standards --version          The version

`,
};

const pages: Readonly<Record<Command, LocalizedText>> = {
  check: {
    zh: `用法：facility-standards check <记录文件…|-> [选项]

评估机构记录（YAML 或 JSON，每个文件一条或一组记录）。- 表示从标准输入读取（YAML 或 JSON）。

  --standard ID       适用的标准（可重复）；默认：按记录的机构类型和所在地区（国家、省、市、县）适用的全部标准
  --ladder ID         改为评估等级阶梯：达到的最高等级，以及距下一等级的差距
  --rules PATH        另外加载规则文件或文件夹（可重复），可扩展内置标准
  --format FORMAT     text（默认）、json、markdown 或 html（一个独立的网页）
  --lang zh|en        输出语言（默认 zh）
  -h, --help          显示本帮助
`,
    en: `Usage: facility-standards check <record files…|-> [options]

Evaluates facility records (YAML or JSON, one record or a list per file). - reads one from
standard input (YAML or JSON).

  --standard ID       Standard to apply (repeatable); default: every standard for the record's
                      type in force in its region (national, province, city, county)
  --ladder ID         Instead: the highest level reached on a ladder, and the gaps to the next
  --rules PATH        Load rule files or directories too (repeatable); they may extend bundled ones
  --format FORMAT     text (the default), json, markdown, or html (one self-contained page)
  --lang zh|en        Language of the text output (default: zh)
  -h, --help          This help
`,
  },
  batch: {
    zh: `用法：facility-standards batch <文件|-> [选项]

批量评估：每个输入行输出一行 NDJSON，包含该行的评估结果及其差距，或无法评估的原因。文件可以是
.xlsx（第一个带表头的工作表）、.csv（UTF-8 或 GBK）、.ndjson 或 .jsonl（每行一个 JSON 记录；CSV 和
NDJSON 流式读取），或 .yaml、.yml、.json（记录列表）。- 表示从标准输入读取，须给出 --input-format。

  --standard ID         适用的标准（可重复）；默认：按每条记录的类型和地区
  --rules PATH          另外加载规则文件或文件夹（可重复）
  --output FILE         写到该文件（要么完整写成，要么不写）；默认：标准输出
  --workers N           工作线程数，0 到本机核心数；默认：输入超过 4 MB 时用全部核心，否则不用
  --input-format FMT    从标准输入读取时的格式：csv、ndjson、records（YAML/JSON 列表）或 xlsx
  --type TYPE           各行共同的机构类型（village-clinic 村卫生室 或 township-health-center 乡镇卫生院），
                        填入未填类型的行
  --region 省/市/县     各行共同的地区，如 山西省/长治市/平顺县，填入未填的省、市、县
  --columns FILE        列名对照表（YAML：表头: 记录字段），用于本县自己的表头
  --strict-columns      有任何不读取的列即拒绝整个文件（默认：不是数据的列忽略，未知列列出后继续）
  --program ID          测算工作方案的目标（可重复）：要求数、已达到数、差距，以及最接近达标的机构
  --waivers FILE        豁免清单（YAML 或 CSV）：被豁免的要求记为豁免，而非差距
  --as-of DATE          判断豁免是否有效的日期（YYYY-MM-DD，须是日历上的日期）；默认：今天
  --report FILE         另写一份供人阅读的报告：.html（独立网页，可按 A4 打印）、.md 或 .json
                        （汇总）；此时逐行结果只写到 --output
  --lang zh|en          汇总和报告的语言（默认 zh）
  -h, --help            显示本帮助
`,
    en: `Usage: facility-standards batch <file|-> [options]

Evaluates many records: one output line (NDJSON) per input row, its reports with their gaps, or
why it could not be evaluated. The file: .xlsx (first sheet with a header row), .csv (UTF-8 or
GBK), .ndjson or .jsonl (one JSON record per line; CSV and NDJSON are streamed), or .yaml, .yml,
.json (a list of records). - reads standard input, in the --input-format given.

  --standard ID         Standards to apply (repeatable); default: by each record's type and region
  --rules PATH          Load rule files or directories too (repeatable)
  --output FILE         Write there (complete or not at all); default: standard output
  --workers N           Worker threads, 0 to the number of cores; default: all cores for inputs
                        over 4 MB, else none
  --input-format FMT    The format of standard input: csv, ndjson, records (a YAML or JSON list) or xlsx
  --type TYPE           The facility type every row shares (village-clinic or township-health-center),
                        for rows that give none
  --region P/C/C        The region every row shares, e.g. 山西省/长治市/平顺县, for the levels a row leaves empty
  --columns FILE        A column map (YAML, sheet header: record field) for a county's own headers
  --strict-columns      Refuse a sheet with any column not read (default: not-data columns ignored,
                        unknown ones listed and the batch goes on)
  --program ID          Measure a programme's targets (repeatable): required, achieved, the gap,
                        and the facilities closest to counting
  --waivers FILE        Waivers (YAML or CSV): covered requirements become waived, not gaps
  --as-of DATE          The day waivers are judged on (YYYY-MM-DD, a day on the calendar); default: today
  --report FILE         Also write a report people read: .html (self-contained, prints on A4),
                        .md, or .json (the portfolio); the rows then go to --output only
  --lang zh|en          Language of the summary and the report (default: zh)
  -h, --help            This help
`,
  },
  template: {
    zh: `用法：facility-standards template --standard ID [--format xlsx|csv] [--output FILE] [--lang zh|en]

为某一标准生成空白的数据采集表：该标准各项要求读取的每个记录字段一列（机构编号、名称、县、乡镇、村在前；
设备每项一列，填写完好台数），表头为中文名称和单位（建筑面积（平方米）），--lang en 时为记录路径
（premises.buildingArea）。每行填一个机构，再用 facility-standards batch FILE --standard ID 检查。

  --standard ID       标准（必填）
  --format xlsx|csv   xlsx：带 Excel 数据验证（整数、小数、是/否和代码下拉）并在每个表头加批注；csv：
                      带 BOM 的 UTF-8，第 2 行为以“说明：”开头的提示行，batch 会跳过。默认：按 --output
                      的扩展名，否则 csv
  --output FILE       写到该文件（完整写成或不写）；默认：标准输出（仅 csv）
  --lang zh|en        表头和提示用中文（默认）或英文
  --rules PATH        另外加载规则文件或文件夹（可重复）
  -h, --help          显示本帮助
`,
    en: `Usage: facility-standards template --standard ID [--format xlsx|csv] [--output FILE] [--lang zh|en]

Writes an empty data-collection sheet for one standard: a column for each record field its
requirements read (the facility's id, name, county, township and village first; equipment as one
column per item, holding the number of working units), headed by the Chinese label and unit
(建筑面积（平方米）) or, with --lang en, by the record path (premises.buildingArea). Fill one
facility per row and check them with: facility-standards batch FILE --standard ID.

  --standard ID       The standard (required)
  --format xlsx|csv   xlsx: Excel data validation (whole numbers, decimals, 是/否 and code drop-downs)
                      and a note on every header; csv: UTF-8 with a BOM and a hint row (row 2,
                      starting 说明：) that batch skips. Default: by the --output name, else csv
  --output FILE       Where to write (complete or not at all); default: standard output (csv only)
  --lang zh|en        Headers and hints in Chinese (default) or English
  --rules PATH        Load rule files or directories too (repeatable)
  -h, --help          This help
`,
  },
  list: {
    zh: `用法：facility-standards list [--format text|json] [--lang zh|en]

列出内置的标准（版本、机构类型、要求数、来源文件）、等级阶梯和工作方案。

  --format text|json  text（默认）；json：{ standards, ladders, programs }，含编号、名称、机构类型和来源
  --lang zh|en        文本输出的语言（默认 zh）
  -h, --help          显示本帮助
`,
    en: `Usage: facility-standards list [--format text|json] [--lang zh|en]

Lists the bundled standards (version, facility type, requirements, source document), the ladders
and the programmes.

  --format text|json  text (the default); json: { standards, ladders, programs } with ids, titles,
                      facility types and sources
  --lang zh|en        Language of the text output (default: zh)
  -h, --help          This help
`,
  },
  validate: {
    zh: `用法：facility-standards validate <路径…> [--lang zh|en]

检查规则文件（.yaml、.yml）和文件夹，逐个给出 文件:行:列 处的问题；全部有效时列出其中的标准编号。

  --lang zh|en        消息语言（默认 zh）
  -h, --help          显示本帮助
`,
    en: `Usage: facility-standards validate <paths…> [--lang zh|en]

Checks rule files (.yaml, .yml) and directories, printing every problem at file:line:column; when
all are valid, the ids they define.

  --lang zh|en        Language of the messages (default: zh)
  -h, --help          This help
`,
  },
  schema: {
    zh: `用法：facility-standards schema [record|rule-file|ladder|program|report]

向标准输出打印 JSON Schema（draft 2020-12）：
  record      机构记录（默认）
  rule-file   规则文件：一个标准或叠加规则（供编辑器使用：# yaml-language-server: $schema=…）
  ladder      等级阶梯文件
  program     工作方案文件（rules/programs/：某地区机构的目标）
  report      check --format json 的输出（{ reports }，或用 --ladder 时的 { ladders }）

包中也附有这些 Schema：facility-standards/schemas/<种类>.schema.json。
`,
    en: schemaUsage,
  },
};

/** The help of the tool (no command) or of one command, with the exit codes and how files are written. */
export function helpText(command: Command | undefined, lang: Lang): string {
  const page = command === undefined ? overview : pages[command];
  return `${page[lang]}\n${footer[lang]}`;
}

/** The flag among `known` that `given` most likely meant (an edit or two away, or a prefix of it). */
export function nearestFlag(given: string, known: readonly string[]): string | undefined {
  const word = given.replace(/=.*$/, '');
  let best: { flag: string; distance: number } | undefined;
  for (const flag of known) {
    const distance = flag.startsWith(word) && word.length >= 3 ? 0 : editDistance(word, flag);
    if (distance <= Math.max(2, Math.floor(flag.length / 4)) && (!best || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}
