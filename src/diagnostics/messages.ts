import type { LocalizedText } from '../text.js';

/**
 * Every problem the library reports about a record or a rule file, by stable code: the values
 * it is about, and its sentence in Chinese and English, rendered late (the ESLint `messages`
 * model). A code's values are data a caller may read; `example` values let a test render every
 * code in both languages.
 */
export interface Message {
  readonly code: DiagnosticCode;
  readonly values: Readonly<Record<string, unknown>>;
  readonly text: LocalizedText;
}

/** The values a diagnostic is about. */
export type DiagnosticValues = Record<string, string | number | readonly string[] | undefined>;

/** One code of the catalogue: its sentence in each language, and example values a test renders it with. */
export interface DiagnosticEntry<V extends DiagnosticValues> {
  readonly zh: (v: V) => string;
  readonly en: (v: V) => string;
  readonly example: V;
}

const entry = <V extends DiagnosticValues>(e: DiagnosticEntry<V>): DiagnosticEntry<V> => e;

/** ` (did you mean "x"?)` and `（是否为“x”？）`, when there is a suggestion. */
const meanEn = (s: string | undefined) => (s ? ` (did you mean "${s}"?)` : '');
const meanZh = (s: string | undefined) => (s ? `（是否为“${s}”？）` : '');
const listZh = (items: readonly string[] | undefined) => (items ?? []).join('、');
const listEn = (items: readonly string[] | undefined) => (items ?? []).join(', ');

/** What a YAML syntax error code means, for the Chinese message (the English keeps the yaml library's sentence). */
const yamlCodes: Readonly<Record<string, string>> = {
  BAD_INDENT: '缩进不对齐',
  TAB_AS_INDENT: '用了制表符（Tab）缩进，请改用空格',
  MISSING_CHAR: '缺少配对的引号或括号',
  BAD_DQ_ESCAPE: '双引号内的转义字符有误',
  BAD_SCALAR_START: '值的开头字符不能这样写，请加引号',
  BLOCK_AS_IMPLICIT_KEY: '冒号前的键写法有误（可能缺少冒号后的空格或缩进不对）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（可能缺少冒号或缩进不对）',
  IMPLICIT_KEY_NOT_FOLLOWED: '键后面缺少值',
  DUPLICATE_KEY: '同一层级出现了重复的键',
  MULTIPLE_DOCS: '一个文件只能有一个文档（去掉多余的 ---）',
  UNEXPECTED_TOKEN: '出现了意外的字符',
  BLOCK_IN_FLOW: '方括号或花括号内不能换行书写块结构',
  BAD_ALIAS: '别名（*）写法有误',
  BAD_DIRECTIVE: '指令（%）写法有误',
  BAD_PROP_ORDER: '锚点或标签的位置不对',
  MULTIPLE_ANCHORS: '一个节点只能有一个锚点（&）',
  MULTIPLE_TAGS: '一个节点只能有一个标签（!）',
  KEY_OVER_1024_CHARS: '键超过1024个字符',
  NON_STRING_KEY: '键必须是文字',
  TAG_RESOLVE_FAILED: '无法识别的标签（!）',
  BAD_COLLECTION_TYPE: '集合类型与标签不符',
  ALIAS_PROPS: '别名不能带锚点或标签',
  IMPOSSIBLE: '无法解析',
};

export const catalogue = {
  // YAML and files
  'yaml.too-large': entry<{ file: string; size: number; max: number }>({
    en: (v) => `${v.file} is ${v.size.toFixed(1)} million characters; YAML and JSON files are read whole, up to ${v.max} million: give many records to \`facility-standards batch\` as NDJSON or CSV`,
    zh: (v) => `${v.file} 有 ${v.size.toFixed(1)} 百万字符；YAML 和 JSON 文件整体读取，上限为 ${v.max} 百万字符：大量记录请改用 NDJSON 或 CSV，交给 facility-standards batch`,
    example: { file: 'big.yaml', size: 5.2, max: 4 },
  }),
  'yaml.full-width': entry<{ char: string; ascii: string }>({
    en: (v) => `YAML syntax: a full-width ${v.char === '：' ? 'colon' : 'comma'} (${v.char}) is not YAML's; type the ASCII ${v.char === '：' ? 'colon' : 'comma'} (${v.ascii})`,
    zh: (v) => `YAML 语法错误：全角${v.char === '：' ? '冒号' : '逗号'}（${v.char}）不是 YAML 的符号，请改为半角“${v.ascii}”`,
    example: { char: '：', ascii: ':' },
  }),
  'yaml.syntax': entry<{ detail: string; yamlCode: string }>({
    en: (v) => `YAML syntax: ${v.detail}`,
    zh: (v) => `YAML 语法错误：${yamlCodes[v.yamlCode] ?? '无法解析'}`,
    example: { detail: 'Implicit keys need to be on a single line', yamlCode: 'MULTILINE_IMPLICIT_KEY' },
  }),
  'yaml.merge-key': entry<Record<string, never>>({
    en: () => 'YAML: merge keys (<<) are not supported: write the fields out where they are used',
    zh: () => 'YAML：不支持合并键（<<），请在用到的地方把字段逐一写出',
    example: {},
  }),
  'yaml.empty': entry<Record<string, never>>({ en: () => 'the file is empty', zh: () => '文件是空的', example: {} }),
  'yaml.alias': entry<{ detail: string }>({
    en: (v) => `YAML: ${v.detail}`,
    zh: (v) => (/Excessive alias count/i.test(v.detail) ? 'YAML：别名（*）展开过多，文件被拒绝' : 'YAML：别名（*）指向不存在的锚点（&）'),
    example: { detail: 'Unresolved alias (the anchor must be set before the alias): nope' },
  }),

  // Rule files: structure
  'rule.proto-parameter': entry<Record<string, never>>({
    en: () => 'a parameter name is camelCase, e.g. minTcmTechniques; "__proto__" is not',
    zh: () => '参数名用小驼峰写法，如 minTcmTechniques；不能是“__proto__”',
    example: {},
  }),
  'rule.duplicate-id': entry<{ kind: 'standard' | 'ladder' | 'programme' | 'entitlement schedule'; id: string; where: string }>({
    en: (v) => `${v.kind} id "${v.id}" is already defined in ${v.where}`,
    zh: (v) => `${{ standard: '标准', ladder: '等级阶梯', programme: '行动目标', 'entitlement schedule': '待遇清单' }[v.kind]}编号“${v.id}”已在 ${v.where === 'the bundled standards' ? '内置标准' : v.where} 中定义`,
    example: { kind: 'standard', id: 'changzhi/village-clinic', where: 'the bundled standards' },
  }),
  'rule.circular-extends': entry<{ cycle: string }>({
    en: (v) => `circular extends: ${v.cycle}`,
    zh: (v) => `extends 循环引用：${v.cycle}`,
    example: { cycle: 'a/x → a/y → a/x' },
  }),
  'rule.extends-too-deep': entry<{ limit: number; start: string }>({
    en: (v) => `the extends chain is longer than ${v.limit} standards (limit extendsDepth): ${v.start} → …`,
    zh: (v) => `extends 继承链超过 ${v.limit} 层（上限 extendsDepth）：${v.start} → …`,
    example: { limit: 32, start: 'a/x → a/y → a/z' },
  }),
  'rule.unknown-extends': entry<{ id: string }>({
    en: (v) => `extends an unknown standard "${v.id}"`,
    zh: (v) => `extends 指向不存在的标准“${v.id}”`,
    example: { id: 'changzhi/village-clinic-demonstraton' },
  }),
  'rule.facility-type-differs': entry<{ type: string; parent: string; parentType: string }>({
    en: (v) => `facility type ${v.type} differs from ${v.parent}'s ${v.parentType}`,
    zh: (v) => `机构类型 ${v.type} 与所继承标准 ${v.parent} 的 ${v.parentType} 不同`,
    example: { type: 'village-clinic', parent: 'changzhi/township-basic', parentType: 'township-health-center' },
  }),
  'rule.parameter-kind': entry<{ name: string; parent: string; was: string; now: string }>({
    en: (v) => `parameter "${v.name}" is a ${v.was} in ${v.parent}, not a ${v.now}`,
    zh: (v) => `参数“${v.name}”在 ${v.parent} 中是${kindZh(v.was)}，不能改为${kindZh(v.now)}`,
    example: { name: 'minBuildingArea', parent: 'changzhi/village-clinic', was: 'number', now: 'string' },
  }),
  'rule.no-such-requirement': entry<{ parent: string; id: string; suggestion?: string }>({
    en: (v) => `${v.parent} has no requirement "${v.id}"${meanEn(v.suggestion)}`,
    zh: (v) => `${v.parent} 中没有要求“${v.id}”${meanZh(v.suggestion)}`,
    example: { parent: 'changzhi/village-clinic', id: 'building-size', suggestion: 'building-area' },
  }),
  'rule.changed-twice': entry<{ id: string; line: number | undefined }>({
    en: (v) => `requirement "${v.id}" is already changed on line ${v.line}; change it once`,
    zh: (v) => `要求“${v.id}”已在第 ${v.line} 行修改过，只能修改一次`,
    example: { id: 'drugs', line: 12 },
  }),
  'rule.requirement-id-used': entry<{ id: string; line?: number; parent?: string }>({
    en: (v) => `requirement id "${v.id}" is already used ${v.parent !== undefined ? `in ${v.parent}` : `on line ${v.line}`}`,
    zh: (v) => `要求编号“${v.id}”已${v.parent !== undefined ? `在 ${v.parent} 中` : `在第 ${v.line} 行`}使用`,
    example: { id: 'drugs', parent: 'changzhi/village-clinic' },
  }),
  'rule.never-met': entry<{ fact: string; low: string; high: string; lowZh: string; highZh: string }>({
    en: (v) => `this condition can never be met: ${v.fact} must be ${v.low} and ${v.high}`,
    zh: (v) => `此条件永远无法满足：${v.fact} 须${v.lowZh}且${v.highZh}`,
    example: { fact: 'drugs.varieties', low: 'at least 5', high: 'less than 3', lowZh: '不少于 5', highZh: '少于 3' },
  }),
  'rule.unknown-fact': entry<{ fact: string; suggestion?: string }>({
    en: (v) => `unknown fact "${v.fact}"${meanEn(v.suggestion)}`,
    zh: (v) => `未知的事实“${v.fact}”${meanZh(v.suggestion)}`,
    example: { fact: 'premises.area', suggestion: 'premises.buildingArea' },
  }),
  'rule.unknown-operator': entry<{ operator: string; suggestion?: string; operators: readonly string[] }>({
    en: (v) => `unknown operator "${v.operator}"${meanEn(v.suggestion)}; operators: ${listEn(v.operators)}`,
    zh: (v) => `未知的运算符“${v.operator}”${meanZh(v.suggestion)}；可用：${listZh(v.operators)}`,
    example: { operator: '>=', suggestion: 'greaterThanInclusive', operators: ['equal', 'greaterThanInclusive'] },
  }),
  'rule.unknown-parameter': entry<{ name: string; suggestion?: string; known: readonly string[] }>({
    en: (v) => `unknown parameter "${v.name}"${meanEn(v.suggestion)}; ${v.known.length ? `parameters of this standard: ${listEn(v.known)}` : 'this standard declares no parameters'}`,
    zh: (v) => `未知的参数“${v.name}”${meanZh(v.suggestion)}；${v.known.length ? `本标准的参数：${listZh(v.known)}` : '本标准未声明参数'}`,
    example: { name: 'minArea', suggestion: 'minBuildingArea', known: ['minBuildingArea'] },
  }),
  'rule.operator-not-for-fact': entry<{ operator: string; fact: string; type: string; typeZh: string; fitting: readonly string[] }>({
    en: (v) => `operator "${v.operator}" does not apply to fact "${v.fact}" (${v.type}); use one of: ${listEn(v.fitting)}`,
    zh: (v) => `运算符“${v.operator}”不适用于事实“${v.fact}”（${v.typeZh}）；可用：${listZh(v.fitting)}`,
    example: { operator: 'greaterThan', fact: 'rooms', type: 'a set of rooms codes', typeZh: '用房代码集合', fitting: ['includesAll'] },
  }),
  'rule.facts-not-comparable': entry<{ fact: string; type: string; typeZh: string; other: string; otherType: string; otherTypeZh: string; operator: string }>({
    en: (v) => `fact "${v.fact}" (${v.type}) cannot be compared with fact "${v.other}" (${v.otherType}) by "${v.operator}"`,
    zh: (v) => `事实“${v.fact}”（${v.typeZh}）不能用“${v.operator}”与事实“${v.other}”（${v.otherTypeZh}）比较`,
    example: { fact: 'rooms', type: 'a set of rooms codes', typeZh: '用房代码集合', other: 'drugs.varieties', otherType: 'a count', otherTypeZh: '计数', operator: 'equal' },
  }),
  'rule.takes-list': entry<{ operator: string; what: string; whatZh: string }>({
    en: (v) => `"${v.operator}" takes a list of ${v.what}`,
    zh: (v) => `“${v.operator}”需要一个${v.whatZh}列表`,
    example: { operator: 'includesAll', what: 'rooms codes', whatZh: '用房代码' },
  }),
  'rule.value-kind': entry<{ fact: string; type: string; typeZh: string; value: string; kind: string }>({
    en: (v) => `fact "${v.fact}" (${v.type}) is compared with ${v.value}; expected a ${v.kind}`,
    zh: (v) => `事实“${v.fact}”（${v.typeZh}）与 ${v.value} 比较；应为${kindZh(v.kind)}`,
    example: { fact: 'premises.buildingArea', type: 'a number in m²', typeZh: '数值（平方米）', value: '"80平方米"', kind: 'number' },
  }),
  'rule.ratio-range': entry<{ value: number }>({
    en: (v) => `a ratio is written between 0 and 1 (0.8 for 80%), not ${v.value}`,
    zh: (v) => `比例写成 0 到 1 之间的小数（80% 写 0.8），不是 ${v.value}`,
    example: { value: 80 },
  }),
  'rule.unknown-code': entry<{ vocabulary: string; value: string; suggestion?: string }>({
    en: (v) => `unknown ${v.vocabulary} code "${v.value}"${meanEn(v.suggestion)}`,
    zh: (v) => `未知的${vocabularyLabel(v.vocabulary)}代码“${v.value}”${meanZh(v.suggestion)}`,
    example: { vocabulary: 'rooms', value: 'pharmcy', suggestion: 'pharmacy' },
  }),
  'ladder.unknown-standard': entry<{ id: string }>({
    en: (v) => `ladder level names an unknown standard "${v.id}"`,
    zh: (v) => `等级阶梯的一级指向不存在的标准“${v.id}”`,
    example: { id: 'changzhi/demonstration-clinic' },
  }),
  'ladder.type-differs': entry<{ id: string; type: string; expected: string }>({
    en: (v) => `${v.id} is for ${v.type}, not ${v.expected}`,
    zh: (v) => `${v.id} 适用于 ${v.type}，不是 ${v.expected}`,
    example: { id: 'changzhi/township-basic', type: 'township-health-center', expected: 'village-clinic' },
  }),
  'ladder.repeated-level': entry<{ id: string }>({
    en: (v) => `${v.id} is already a level of this ladder`,
    zh: (v) => `${v.id} 已是本阶梯的一级`,
    example: { id: 'changzhi/township-basic' },
  }),
  'program.repeated-target': entry<{ id: string }>({
    en: (v) => `target id "${v.id}" is used twice in this programme`,
    zh: (v) => `目标编号“${v.id}”在本行动目标中重复使用`,
    example: { id: 'township-basic' },
  }),
  'entitlement.repeated': entry<{ id: string }>({
    en: (v) => `entitlement id "${v.id}" is used twice`,
    zh: (v) => `待遇编号“${v.id}”重复使用`,
    example: { id: 'recommended-subsidy' },
  }),
  'entitlement.unknown-group': entry<{ group: string }>({
    en: (v) => `unknown group "${v.group}"; declare it under groups with its clause and quote`,
    zh: (v) => `未知的分组“${v.group}”；请在 groups 下声明，并注明条款与原文`,
    example: { group: 'village-subsidy' },
  }),
  'program.not-staff-count': entry<{ name: string }>({
    en: (v) => `"${v.name}" is not a staff count; a staff share sums record fields such as staff.physicians`,
    zh: (v) => `“${v.name}”不是人员数；人员占比按 staff.physicians 等记录字段求和`,
    example: { name: 'staff.onPostRatio' },
  }),
  'program.denominator-missing': entry<{ fields: readonly string[] }>({
    en: (v) => `the denominator includes the numerator's fields; add ${listEn(v.fields)}`,
    zh: (v) => `分母应包含分子的字段；请加上 ${listZh(v.fields)}`,
    example: { fields: ['staff.physicians'] },
  }),
  'program.unknown-standard': entry<{ id: string }>({
    en: (v) => `unknown standard "${v.id}"`,
    zh: (v) => `不存在的标准“${v.id}”`,
    example: { id: 'changzhi/village' },
  }),

  'waiver.not-csv': entry<{ detail: string }>({
    en: (v) => `not CSV: ${v.detail}`,
    zh: () => '不是可读的 CSV 文件（引号未闭合或格式有误）',
    example: { detail: 'Quote Not Closed: the parsing is finished with an opening quote at line 3' },
  }),
  'waiver.unknown-column': entry<{ column: string }>({
    en: (v) => `unknown column "${v.column}"; columns: facility, standard, requirement, justification, approver, expires (or 机构编码, 标准, 要求, 理由, 批准人, 有效期至)`,
    zh: (v) => `未知列“${v.column}”；可用列：机构编码、标准、要求、理由、批准人、有效期至（或 \`facility\`、\`standard\`、\`requirement\`、\`justification\`、\`approver\`、\`expires\`）`,
    example: { column: '备注' },
  }),
  'waiver.unknown-standard': entry<{ id: string; suggestion?: string }>({
    en: (v) => `unknown standard "${v.id}"${meanEn(v.suggestion)}`,
    zh: (v) => `不存在的标准“${v.id}”${meanZh(v.suggestion)}`,
    example: { id: 'changzhi/vilage-clinic', suggestion: 'changzhi/village-clinic' },
  }),
  'waiver.no-such-requirement': entry<{ standard: string; id: string; suggestion?: string }>({
    en: (v) => `${v.standard} has no requirement "${v.id}"${meanEn(v.suggestion)}`,
    zh: (v) => `${v.standard} 中没有要求“${v.id}”${meanZh(v.suggestion)}`,
    example: { standard: 'changzhi/village-clinic', id: 'four-room', suggestion: 'four-rooms' },
  }),
  'waiver.no-requirement-anywhere': entry<{ id: string; suggestion?: string }>({
    en: (v) => `no standard has a requirement "${v.id}"${meanEn(v.suggestion)}`,
    zh: (v) => `没有任何标准有要求“${v.id}”${meanZh(v.suggestion)}`,
    example: { id: 'drug', suggestion: 'drugs' },
  }),

  'columns.too-long': entry<{ length: number; max: number }>({
    en: (v) => `the column map is ${v.length} characters; at most ${v.max} are read`,
    zh: (v) => `列名对照表有 ${v.length} 个字符；最多读取 ${v.max} 个`,
    example: { length: 2_000_000, max: 1_000_000 },
  }),
  'columns.not-a-map': entry<Record<string, never>>({
    en: () => 'a column map is a mapping of sheet headers to record fields, one a line: 建筑面积（㎡）: premises.buildingArea',
    zh: () => '列名对照表是“表头: 记录字段”的对照，每行一项，如 建筑面积（㎡）: premises.buildingArea',
    example: {},
  }),
  'columns.too-many': entry<{ count: number; max: number }>({
    en: (v) => `the column map has ${v.count} headers; at most ${v.max} are read`,
    zh: (v) => `列名对照表有 ${v.count} 个表头；最多读取 ${v.max} 个`,
    example: { count: 5000, max: 2000 },
  }),
  'columns.same-header': entry<{ header: string; before: string }>({
    en: (v) => `"${v.header}" is the same header as "${v.before}" (spaces and full-width characters aside)`,
    zh: (v) => `“${v.header}”与“${v.before}”是同一个表头（不计空格和全角半角）`,
    example: { header: '建筑面积', before: '建筑 面积' },
  }),
  'columns.bad-value': entry<{ header: string; value: string }>({
    en: (v) => `the field for "${v.header}" is a record path (premises.buildingArea) or a label (建筑面积), or null to ignore the column; not ${v.value}`,
    zh: (v) => `“${v.header}”对应的字段应为记录路径（premises.buildingArea）或名称（建筑面积），或写 null 忽略该列；不是 ${v.value}`,
    example: { header: '面积', value: '80' },
  }),
  'columns.not-a-field': entry<{ value: string; suggestions: readonly string[] }>({
    en: (v) => `"${v.value}" is not a record field${v.suggestions.length ? `; did you mean ${listEn(v.suggestions)}?` : ''} (the fields are listed by facility-standards schema)`,
    zh: (v) => `“${v.value}”不是记录字段${v.suggestions.length ? `；是否为 ${listZh(v.suggestions)}？` : ''}（字段见 facility-standards schema）`,
    example: { value: '房屋面积2', suggestions: ['房屋面积 (premises.buildingArea)'] },
  }),

  // Schema checks (rule files and records), raised through zod
  'schema.required': entry<{ field: string; expected?: string; expectedZh?: string }>({
    en: (v) => `"${v.field}" is required${v.expected ? ` (${v.expected})` : ''}`,
    zh: (v) => `缺少必填项“${v.field}”${v.expectedZh ? `（${v.expectedZh}）` : ''}`,
    example: { field: 'clause', expected: 'a text', expectedZh: '文字' },
  }),
  'schema.expected': entry<{ expected: string; expectedZh: string; got: string; gotZh: string }>({
    en: (v) => `expected ${v.expected}, got ${v.got}`,
    zh: (v) => `应为${v.expectedZh}，实为 ${v.gotZh}`,
    example: { expected: 'a number', expectedZh: '数字', got: '"80㎡"', gotZh: '"80㎡"' },
  }),
  'schema.negative': entry<{ got: string }>({
    en: (v) => `must not be negative, got ${v.got}`,
    zh: (v) => `不能为负数，实为 ${v.got}`,
    example: { got: '-1' },
  }),
  'schema.unknown-field': entry<{ key: string; suggestion?: string }>({
    en: (v) => `unknown field "${v.key}"${meanEn(v.suggestion)}`,
    zh: (v) => `未知字段“${v.key}”${meanZh(v.suggestion)}`,
    example: { key: 'buildingarea', suggestion: 'buildingArea' },
  }),
  'schema.unknown-equipment': entry<{ key: string }>({
    en: (v) => `unknown equipment code "${v.key}"`,
    zh: (v) => `未知的设备代码“${v.key}”`,
    example: { key: 'stetoscope' },
  }),
  'schema.not-one-of': entry<{ value: string; allowed: readonly string[] }>({
    en: (v) => `${v.value} is not one of: ${listEn(v.allowed)}`,
    zh: (v) => `${v.value} 不是可用的值；可用：${listZh(v.allowed)}`,
    example: { value: '"must"', allowed: ['required', 'advisory'] },
  }),
  'schema.too-small': entry<{ minimum: number; what: 'text' | 'list' | 'number' }>({
    en: (v) => (v.what === 'text' ? 'must not be empty' : v.what === 'list' ? `needs at least ${v.minimum} item${v.minimum === 1 ? '' : 's'}` : `must be at least ${v.minimum}`),
    zh: (v) => (v.what === 'text' ? '不能为空' : v.what === 'list' ? `至少需要 ${v.minimum} 项` : `不能小于 ${v.minimum}`),
    example: { minimum: 1, what: 'text' },
  }),
  'schema.too-big': entry<{ maximum: number; what: 'text' | 'list' | 'number' }>({
    en: (v) => (v.what === 'number' ? `must be at most ${v.maximum}` : `must have at most ${v.maximum} ${v.what === 'text' ? 'characters' : 'items'}`),
    zh: (v) => (v.what === 'number' ? `不能大于 ${v.maximum}` : `不能超过 ${v.maximum} ${v.what === 'text' ? '个字符' : '项'}`),
    example: { maximum: 10, what: 'number' },
  }),
  'schema.invalid': entry<{ detail: string }>({
    en: (v) => v.detail,
    zh: () => '值不符合要求',
    example: { detail: 'Invalid input' },
  }),
  'record.unknown-code': entry<{ vocabulary: string; value: string; suggestion?: string }>({
    en: (v) => `unknown ${v.vocabulary} code ${v.value}${meanEn(v.suggestion)}`,
    zh: (v) => `未知的${vocabularyLabel(v.vocabulary)}代码 ${v.value}${meanZh(v.suggestion)}`,
    example: { vocabulary: 'room', value: '"pharmcy"', suggestion: 'pharmacy' },
  }),
  'record.listed-twice': entry<{ vocabulary: string }>({
    en: (v) => `each ${v.vocabulary} is listed once`,
    zh: (v) => `每个${vocabularyLabel(v.vocabulary)}只列一次`,
    example: { vocabulary: 'room' },
  }),
  'record.more-than-on-post': entry<{ part: string; n: number; onPost: number }>({
    en: (v) => `staff.${v.part} (${v.n}) is more than staff.onPost (${v.onPost})`,
    zh: (v) => `staff.${v.part}（${v.n}）多于在岗人员 staff.onPost（${v.onPost}）`,
    example: { part: 'healthTechnicians', n: 5, onPost: 3 },
  }),
  'record.type-needed': entry<Record<string, never>>({
    en: () => '"type" is needed to choose the standards (village-clinic or township-health-center)',
    zh: () => '需要填写机构类型 type（village-clinic 村卫生室 或 township-health-center 乡镇卫生院）才能选择标准',
    example: {},
  }),
  // Why a batch row was not evaluated (its output line's `code` and `message`).
  'row.not-json': entry<{ detail: string; at?: number }>({
    en: (v) => `not JSON: ${v.detail}`,
    zh: (v) => `不是 JSON${v.at === undefined ? '' : `：第 ${v.at} 个字符处有误`}`,
    example: { detail: 'Expected \',\' or \'}\' after property value in JSON at position 12 (line 1 column 13)', at: 13 },
  }),
  'row.invalid-record': entry<Record<string, never>>({ en: () => 'not a valid facility record', zh: () => '不是有效的机构记录', example: {} }),
  'row.unreadable-cells': entry<Record<string, never>>({ en: () => 'cells that cannot be read', zh: () => '有无法读取的单元格', example: {} }),
  'row.no-standard': entry<Record<string, never>>({
    en: () => 'no standard to apply: give the record a "type" (or --type) and its region (or --region), or choose standards',
    zh: () => '没有可用的标准：请填写机构类型（type，或用 --type）及所在地区（或用 --region），或指定标准',
    example: {},
  }),
  /** A fault here, not in the row: the detail is the program's own, in English. */
  'row.not-evaluated': entry<{ detail: string }>({
    en: (v) => `the row could not be evaluated (${v.detail})`,
    zh: () => '该行无法评估：程序内部出错，请报告此问题（英文说明中有详情）',
    example: { detail: 'Maximum call stack size exceeded' },
  }),
  'row.line-too-long': entry<{ max: string }>({
    en: (v) => `the line is longer than ${v.max} characters (limit lineChars)`,
    zh: (v) => `该行超过 ${v.max} 个字符（上限 lineChars）`,
    example: { max: '1,048,576' },
  }),
  'row.too-deep': entry<{ max: number }>({
    en: (v) => `the record nests deeper than ${v.max} levels (limit depth)`,
    zh: (v) => `记录嵌套超过 ${v.max} 层（上限 depth）`,
    example: { max: 32 },
  }),
  'row.list-too-long': entry<{ count: string; max: string }>({
    en: (v) => `a list or object in the record has ${v.count} entries, over ${v.max} (limit listLength)`,
    zh: (v) => `记录中的列表或对象有 ${v.count} 项，超过 ${v.max}（上限 listLength）`,
    example: { count: '5,000,000', max: '1,000' },
  }),
  'row.not-csv': entry<{ detail: string; detailZh: string }>({
    en: (v) => `cannot be read as CSV: ${v.detail}`,
    zh: (v) => `无法按 CSV 读取：${v.detailZh}`,
    example: { detail: 'the quote that opens column D is not closed', detailZh: '第 D 列开头的引号没有闭合' },
  }),
  // What is wrong with a CSV record (a batch row, a waiver file's line).
  'csv.text-after-quote': entry<{ column: string }>({
    en: (v) => `text after the closing quote in column ${v.column}`,
    zh: (v) => `第 ${v.column} 列的右引号后还有文字`,
    example: { column: 'C' },
  }),
  'csv.quote-not-closed': entry<{ column: string }>({
    en: (v) => `the quote that opens column ${v.column} is not closed`,
    zh: (v) => `第 ${v.column} 列开头的引号没有闭合`,
    example: { column: 'D' },
  }),
  'csv.row-too-long': entry<{ max: string }>({
    en: (v) => `the row is longer than ${v.max} characters (limit recordChars)`,
    zh: (v) => `该行超过 ${v.max} 个字符（上限 recordChars）`,
    example: { max: '1,048,576' },
  }),
  'csv.too-many-cells': entry<{ max: string }>({
    en: (v) => `the row has more than ${v.max} cells (limit cells)`,
    zh: (v) => `该行超过 ${v.max} 个单元格（上限 cells）`,
    example: { max: '2,000' },
  }),
  'row.cell-past-limit': entry<{ column: string; max: number }>({
    en: (v) => `the row has a cell past column ${v.column} (limit cells = ${v.max})`,
    zh: (v) => `该行在第 ${v.column} 列之后还有单元格（上限 cells = ${v.max}）`,
    example: { column: 'BXX', max: 2000 },
  }),
  /** A sentence from a rule file's own schema (its English kept; see `schemaSentences` for the Chinese). */
  'schema.rule': entry<{ en: string; zh: string }>({ en: (v) => v.en, zh: (v) => v.zh, example: { en: 'a removal gives its reason', zh: '删除要求须说明理由' } }),
  /** A notice that stops the work (a record that cannot be placed), as it was given. */
  notice: entry<{ en: string; zh: string }>({ en: (v) => v.en, zh: (v) => v.zh, example: { en: 'no city given', zh: '未填所在市' } }),
} as const;

export type DiagnosticCode = keyof typeof catalogue;
type ValuesOf<C extends DiagnosticCode> = (typeof catalogue)[C] extends DiagnosticEntry<infer V> ? V : never;

/** The message of a code with its values, in both languages. */
export function message<C extends DiagnosticCode>(code: C, values: ValuesOf<C>): Message {
  const e = catalogue[code] as unknown as DiagnosticEntry<ValuesOf<C>>;
  return { code, values, text: { zh: e.zh(values), en: e.en(values) } };
}

function kindZh(kind: string): string {
  return ({ number: '数字', string: '文字', boolean: '是/否', list: '列表' } as Record<string, string>)[kind] ?? kind;
}

const vocabularyNames: Readonly<Record<string, string>> = {
  rooms: '用房',
  room: '用房',
  equipment: '设备',
  departments: '科室',
  department: '科室',
  posts: '岗位',
  post: '岗位',
  ambulances: '救护车',
  ambulance: '救护车',
  systems: '信息系统',
  system: '信息系统',
  disclosures: '公示内容',
  disclosure: '公示内容',
  ownerships: '产权',
  ownership: '产权',
  facilityTypes: '机构类型',
  titles: '职称',
};

/** A vocabulary's name in Chinese, for messages: 用房, 设备 … */
export function vocabularyLabel(vocabulary: string): string {
  return vocabularyNames[vocabulary] ?? vocabulary;
}
