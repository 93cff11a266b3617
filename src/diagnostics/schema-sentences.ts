import { message, type Message } from './messages.js';

/**
 * The sentences the rule-file, programme, waiver and record schemas give zod, with their Chinese.
 * zod carries a schema's words as one string, so they are matched here, in one place, as written
 * there; a sentence a schema gains must gain its Chinese here too (a test renders them all).
 */
const sentences: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^a parameter name is camelCase, e\.g\. minTcmTechniques$/, () => '参数名用小驼峰写法，如 minTcmTechniques'],
  [/^a parameter name is camelCase$/, () => '参数名用小驼峰写法'],
  [/^a value is a number, a text, true\/false, a list, \{param: name\} or \{fact: name\}$/, () => '值可以是数字、文字、true/false、列表、{param: 参数名} 或 {fact: 事实名}'],
  [/^`(all|any)` needs at least one condition$/, (m) => `\`${m[1]}\` 至少需要一个条件`],
  [/^a fact condition needs `(\w+)`$/, (m) => `事实条件需要 \`${m[1]}\``],
  [/^`(\w+)` belongs to a fact condition, not to `(\w+)`$/, (m) => `\`${m[1]}\` 属于事实条件，不能与 \`${m[2]}\` 写在一起`],
  [/^a condition needs `all`, `any`, `not`, or `fact` with `operator` and `value`$/, () => '条件需要 `all`、`any`、`not`，或带 `operator` 和 `value` 的 `fact`'],
  [/^a condition has exactly one of (.+)$/, (m) => `一个条件只能有 ${m[1]!.split(', ').join('、')} 中的一个`],
  [/^a parameter is written with its value: \{ value: (.+) \}$/, (m) => `参数连同其值写出：{ value: ${m[1]} }`],
  [/^a ladder has at least two levels$/, () => '等级阶梯至少有两级'],
  [/^a ladder id is <issuer>\/<name>, e\.g\. changzhi\/township$/, () => '等级阶梯编号写作 <发文单位>/<名称>，如 changzhi/township'],
  [/^a programme id is <issuer>\/<name>, e\.g\. changzhi\/2028$/, () => '行动目标编号写作 <发文单位>/<名称>，如 changzhi/2028'],
  [/^a programme has at least one target$/, () => '行动目标至少有一个目标'],
  [/^a target id is kebab-case, e\.g\. township-basic$/, () => '目标编号用小写连字符写法，如 township-basic'],
  [/^a requirement id is kebab-case, e\.g\. four-rooms$/, () => '要求编号用小写连字符写法，如 four-rooms'],
  [/^an alteration of `check` or `when` cites its source: give `clause` and `quote`$/, () => '修改 `check` 或 `when` 须注明出处：请给出 `clause` 和 `quote`'],
  [/^`clause` and `quote` go together$/, () => '`clause` 和 `quote` 须同时给出'],
  [/^an alteration changes at least one of severity, title, when, check, note, clause$/, () => '修改至少要改动 severity、title、when、check、note、clause 之一'],
  [/^a removal gives its reason$/, () => '删除要求须说明理由'],
  [/^not a calendar date$/, () => '不是日历上存在的日期'],
  [/^a date is written YYYY-MM-DD \(or YYYY-MM, or YYYY when the document gives no more\)(; write it in quotes)?$/, (m) => `日期写作 YYYY-MM-DD（文件只给到月或年时写 YYYY-MM 或 YYYY）${m[1] ? '；请加引号' : ''}`],
  [/^a date is written YYYY-MM-DD, e\.g\. (\S+)$/, (m) => `日期写作 YYYY-MM-DD，如 ${m[1]}`],
  [/^a standard id is <issuer>\/<name>, e\.g\. changzhi\/village-clinic$/, () => '标准编号写作 <发文单位>/<名称>，如 changzhi/village-clinic'],
  [/^a version is text: write it in quotes, e\.g\. version: "2027\.10" \(YAML read this one as the number (.+)\)$/, (m) => `版本号是文字：请加引号，如 version: "2027.10"（YAML 把它读成了数字 ${m[1]}）`],
  [/^a partial standard says in `note` what its source leaves undefined$/, () => '部分编码的标准须在 `note` 中说明来源文件未定义的内容'],
  [/^"file" is required: the source text in sources\/ \(or set evidence: translation\)$/, () => '缺少 "file"：sources/ 中的来源文本（或设 evidence: translation）'],
  [/^"quote" is required: the source text the requirement encodes$/, () => '缺少 "quote"：该要求所依据的原文'],
  [/^a standard encoded from a translation cites it: give "url"$/, () => '依据译文编码的标准须注明译文出处：请给出 "url"'],
  [/^a standard needs at least one requirement$/, () => '标准至少需要一项要求'],
  [/^`(\w+)` changes requirements taken over with `extends`; this standard extends none$/, (m) => `\`${m[1]}\` 用于修改经 \`extends\` 继承的要求；本标准没有继承任何标准`],
  [/^a bound is \{ atLeast: n \} \(达到, 以上, 不少于\) or \{ moreThan: n \} \(超过\)$/, () => '界限写作 { atLeast: n }（达到、以上、不少于）或 { moreThan: n }（超过）'],
  [/^a target measures one thing: `standard` \(facilities meeting it\), `condition` \(facilities for which it holds\) or `staffShare`$/, () => '一个目标只衡量一件事：`standard`（达到该标准的机构）、`condition`（满足条件的机构）或 `staffShare`（人员占比）'],
  [/^a target sets one bound: `share` \(0–1, 0\.3 for 30%\) or `count`$/, () => '一个目标只设一个界限：`share`（0–1，30% 写 0.3）或 `count`'],
  [/^a staff share is bounded by `share`$/, () => '人员占比用 `share` 设界限'],
  [/^a share is written between 0 and 1 \(0\.3 for 30%\), not (.+)$/, (m) => `占比写成 0 到 1 之间的小数（30% 写 0.3），不是 ${m[1]}`],
  [/^a deadline is written YYYY-MM-DD, e\.g\. 2028-12-31 \(the end of the year the text names\)$/, () => '期限写作 YYYY-MM-DD，如 2028-12-31（原文只说年份时取该年年末）'],
];

/** The record schema's sentences, each a message of its own code. */
const recordSentences: readonly (readonly [RegExp, (m: RegExpExecArray) => Message])[] = [
  [/^unknown (\w+) code (".*")$/, (m) => message('record.unknown-code', { vocabulary: m[1]!, value: m[2]! })],
  [/^each (\w+) is listed once$/, (m) => message('record.listed-twice', { vocabulary: m[1]! })],
  [/^staff\.(\w+) \((\d+)\) is more than staff\.onPost \((\d+)\)$/, (m) => message('record.more-than-on-post', { part: m[1]!, n: Number(m[2]), onPost: Number(m[3]) })],
];

/** A schema's sentence as a message: its English as written, and its Chinese from the table. */
export function schemaSentence(en: string): Message {
  for (const [pattern, make] of recordSentences) {
    const match = pattern.exec(en);
    if (match) return make(match);
  }
  for (const [pattern, zh] of sentences) {
    const match = pattern.exec(en);
    if (match) return message('schema.rule', { en, zh: zh(match) });
  }
  return message('schema.invalid', { detail: en });
}

/** Every sentence the table knows, for the test that renders them. */
export const schemaSentencePatterns: readonly RegExp[] = [...recordSentences, ...sentences].map(([pattern]) => pattern);
