import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bundledStandards,
  evaluateSync,
  loadRules,
  RuleFileError,
  type Diagnostic,
  type RuleFileText,
  type RuleSet,
} from '../src/index.js';

/**
 * A corpus of broken rule files (test/rule-files/broken/), each a mistake a county health bureau
 * could make when it writes its own standard: one `.yaml` file each, or a directory of files that
 * are loaded together (a circular `extends` pair). Every one is loaded the way a county's files
 * are, on top of the bundled standards, and must be rejected with a RuleFileError listing exactly
 * the expected diagnostics, each at `file:line:column` with a sentence a clerk can act on.
 *
 * Expected positions are found in the YAML itself, never copied from the program's output: a
 * marker is a piece of one line of the file with `^` just before the offending token, e.g.
 * `'operator: ^atLeast'`. A marker must occur exactly once in the file; `[after, marker]` takes
 * the first occurrence of `marker` on a line after the (unique) line containing `after`.
 *
 * Where the library falls short (a crash, a misleading message, a wrong place, a mistake not
 * detected) the case says so in `finding`: its test asserts the correct behaviour and is marked
 * `it.fails`, and a second test pins what is already right today (`today`), so that a fix shows
 * up as an `it.fails` test that starts failing: then drop `finding` and `today`.
 */

const directory = fileURLToPath(new URL('./rule-files/broken/', import.meta.url));
const base = bundledStandards();
/** Taken before any rule file is loaded. */
const objectPrototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

/** A marker (`'value: ^80'`), or `[after, marker]` to pick the first occurrence after a line. */
type At = string | readonly [after: string, marker: string];

/**
 * One expected diagnostic: where, what it says (a string is the whole message; a RegExp matches
 * from the message's start), and in which file of a directory case.
 */
type Expected = readonly [at: At, message: string | RegExp, file?: string];

interface Case {
  /** The file, or a directory whose files are loaded together. */
  readonly name: string;
  /** The mistake, as a county office makes it. */
  readonly mistake: string;
  /** Every diagnostic, in order. Empty: the file(s) load. */
  readonly expected: readonly Expected[];
  /** What the library does wrong; the test of `expected` is then `it.fails`. */
  readonly finding?: string;
  /** What is right today in a case with a finding: each matches some diagnostic. */
  readonly today?: readonly { at?: At; line?: string; message?: string | RegExp }[];
  /** A mistake the library does not detect (and is not meant to fake): `expected` is today's behaviour. */
  readonly undetected?: string;
}

const cases: readonly Case[] = [
  // ── YAML syntax ─────────────────────────────────────────────────────────────────────────────
  {
    name: 'tab-indentation.yaml',
    mistake: 'a parameter indented with a tab',
    expected: [['^\tvalue: 60', 'YAML syntax: Tabs are not allowed as indentation']],
  },
  {
    name: 'unclosed-flow-map.yaml',
    mistake: 'a `{ … }` check without its closing brace',
    expected: [['check: ^{ fact: rooms', /.*\}/]],
    finding:
      'reported at the next line (`note:`, 20:5) instead of the `{` that is never closed (19:12); the clerk is sent to a line that has no brace',
    today: [{ message: 'YAML syntax: Flow map in block collection must be sufficiently indented and end with a }' }],
  },
  {
    name: 'bad-indentation.yaml',
    mistake: 'one key of `source` indented one space less than the others',
    expected: [['^ issuer: 襄垣县', 'YAML syntax: All mapping items must start at the same column']],
  },
  {
    name: 'under-indented-list-item.yaml',
    mistake: 'a key of an `alter` item indented one space less than the item’s other keys',
    expected: [['^   reason: 本县', /.*(indent|same column)/i]],
    finding:
      'the message is "Sequence item without - indicator": it asks for a `-` the clerk must not add (adding one makes `reason` a separate alteration) instead of saying the line is mis-indented',
    today: [{ at: '^   reason: 本县' }],
  },
  {
    name: 'over-indented-key.yaml',
    mistake: 'a key of an `alter` item indented two spaces more than the item’s other keys',
    expected: [['^      severity: advisory', /.*(indent|same column)/i]],
    finding:
      'reported on the line before (15:11, the value of `note`) as "Nested mappings are not allowed in compact mappings" and "Implicit keys need to be on a single line": the wrong place and nothing about indentation',
  },
  {
    name: 'duplicate-key.yaml',
    mistake: '`severity` given twice in one requirement',
    expected: [['    ^severity: advisory', 'YAML syntax: Map keys must be unique']],
  },
  {
    name: 'full-width-colon.yaml',
    mistake: 'a full-width colon (：) typed with a Chinese input method',
    expected: [['severity^：required', /.*：/]],
  },
  {
    name: 'full-width-comma.yaml',
    mistake: 'a full-width comma (，) between the fields of a `{ … }` condition',
    expected: [['systems^， operator', /.*，/]],
  },
  {
    name: 'two-documents.yaml',
    mistake: 'two standards in one file, separated by `---`',
    expected: [['^---', /.*(one|single) (standard|document)/i]],
  },
  {
    name: 'empty-file.yaml',
    mistake: 'a file with only comments, saved before it was filled in',
    expected: [['^# 黎城县', /.*empty/]],
  },
  {
    name: 'requirements-only-list.yaml',
    mistake: 'a file with only a list of requirements, without id, title and source',
    expected: [['^- id: aed', 'expected a mapping of fields, got a list']],
  },
  {
    name: 'undefined-alias.yaml',
    mistake: 'an alias to an anchor that is not defined',
    expected: [['check: ^*business-area', 'YAML: Unresolved alias (the anchor must be set before the alias): business-area']],
  },
  {
    name: 'alias-bomb.yaml',
    mistake: 'a “billion laughs” template: nine levels of anchors, each ten aliases of the one before',
    expected: [['x-b: &b [^*a', 'YAML: Excessive alias count indicates a resource exhaustion attack']],
  },
  {
    name: 'merge-key.yaml',
    mistake: 'a YAML merge key (`<<: *common`) to share fields between requirements',
    expected: [['  - ^<<: *common', /.*merge key/i]],
  },

  // ── the rule-file schema ────────────────────────────────────────────────────────────────────
  {
    name: 'number-for-text.yaml',
    mistake: 'a clause written as a number',
    expected: [['clause: ^3', 'expected a text, got 3']],
  },
  {
    name: 'list-for-map.yaml',
    mistake: '`parameters` written as a list of one-key maps',
    expected: [['  ^- minBuildingArea', 'expected a mapping of fields, got a list']],
  },
  {
    name: 'parameter-without-value.yaml',
    mistake: 'a parameter set as `minTcmTechniques: 8` instead of `{ value: 8 }`',
    expected: [['minTcmTechniques: ^8', /.*\{ ?value: 8 ?\}/]],
  },
  {
    name: 'missing-required-field.yaml',
    mistake: 'a requirement without `severity`',
    expected: [['  - ^id: price-disclosure', /"severity" is required/]],
  },
  {
    name: 'missing-version.yaml',
    mistake: 'a standard without `version`',
    expected: [['^id: tunliu', /"version" is required/]],
  },
  {
    name: 'misspelt-key.yaml',
    mistake: '`severity` misspelt `serverity`',
    expected: [
      ['- ^id: aed', /"severity" is required/],
      ['^serverity: required', /unknown field "serverity"/],
    ],
  },
  {
    name: 'id-without-issuer.yaml',
    mistake: 'a standard id in Chinese, without `issuer/`',
    expected: [['id: ^潞城区标准化村卫生室', 'a standard id is <issuer>/<name>, e.g. changzhi/village-clinic']],
  },
  {
    name: 'requirement-id-in-chinese.yaml',
    mistake: 'a requirement id in Chinese',
    expected: [['- id: ^规范化隔断', 'a requirement id is kebab-case, e.g. four-rooms']],
  },
  {
    name: 'date-wrong-format.yaml',
    mistake: 'the date of issue written 2026年3月15日',
    expected: [['date: ^2026年3月15日', 'a date is written YYYY-MM-DD (or YYYY-MM, or YYYY when the document gives no more)']],
  },
  {
    name: 'date-with-dots.yaml',
    mistake: 'the date of issue written 2026.10, which YAML reads as the number 2026.1',
    expected: [['date: ^2026.10', /a date is written YYYY-MM-DD/]],
  },
  {
    name: 'date-year-unquoted.yaml',
    mistake: 'a document that gives only its year, dated `date: 2026` as the date message itself allows (YYYY)',
    expected: [],
  },
  {
    name: 'partial-without-note.yaml',
    mistake: '`status: partial` without a `note` saying what is missing',
    expected: [['^status: partial', 'a partial standard says in `note` what its source leaves undefined']],
  },
  {
    name: 'empty-check.yaml',
    mistake: 'a placeholder check `{ all: [] }` left for later',
    expected: [['{ all: ^[] }', '`all` needs at least one condition']],
  },
  {
    name: 'condition-all-and-fact.yaml',
    mistake: 'a check with both `all` and `fact`',
    expected: [['    ^check:', 'a condition has exactly one of `all`, `fact`']],
  },
  {
    name: 'condition-missing-operator.yaml',
    mistake: 'a fact condition without `operator`',
    expected: [['    ^check: { fact: utilities.heating', 'a fact condition needs `operator`']],
  },
  {
    name: 'alter-check-without-quote.yaml',
    mistake: 'an alteration of `check` that does not cite the county’s clause and quote',
    expected: [['  - ^requirement: drugs', 'an alteration of `check` or `when` cites its source: give `clause` and `quote`']],
  },
  {
    name: 'removal-without-reason.yaml',
    mistake: 'a removal without a reason',
    expected: [['  - ^requirement: living-area', '"reason" is required (a text)']],
  },
  {
    name: 'alter-without-extends.yaml',
    mistake: 'an `alter` in a standard that forgot `extends`',
    expected: [
      ['^id: qinxian/village-clinic-area', 'a standard needs at least one requirement'],
      ['^alter:', '`alter` changes requirements taken over with `extends`; this standard extends none'],
    ],
  },
  {
    name: 'proto-key.yaml',
    mistake: 'a `__proto__` key at the top of the file',
    expected: [['^__proto__:', 'unknown field "__proto__"']],
  },
  {
    name: 'proto-parameter.yaml',
    mistake: 'a parameter named `__proto__`',
    expected: [['  ^__proto__:', /.*(__proto__|camelCase)/]],
  },
  {
    name: 'constructor-key.yaml',
    mistake: 'a `constructor` field (the builder of the clinic) in a requirement',
    expected: [['    ^constructor: 上党区', 'unknown field "constructor"']],
  },

  // ── facts, operators, values, codes, parameters ─────────────────────────────────────────────
  {
    name: 'unknown-fact.yaml',
    mistake: 'a misspelt fact',
    expected: [['fact: ^premises.businesArea', 'unknown fact "premises.businesArea" (did you mean "premises.businessArea"?)']],
  },
  {
    name: 'unknown-operator.yaml',
    mistake: 'the operator written `">="`',
    expected: [['operator: ^">="', /unknown operator ">=" \(did you mean "greaterThanInclusive"\?\); operators: /]],
  },
  {
    name: 'operator-wrong-fact-type.yaml',
    mistake: 'a count operator on the set of rooms',
    expected: [
      [
        'operator: ^greaterThanInclusive',
        'operator "greaterThanInclusive" does not apply to fact "rooms" (a set of rooms codes); use one of: contains, doesNotContain, includesAll, includesAny',
      ],
    ],
  },
  {
    name: 'in-with-single-code.yaml',
    mistake: '`in` with one code instead of a list',
    expected: [['operator: in, value: ^collective', '"in" takes a list of ownerships codes']],
  },
  {
    name: 'value-wrong-type.yaml',
    mistake: '`yes` for true (YAML 1.2 reads it as text)',
    expected: [['value: ^yes }', 'fact "roomsPartitioned" (a boolean) is compared with "yes"; expected a boolean']],
  },
  {
    name: 'ratio-as-percent.yaml',
    mistake: 'a ratio written 85 for 85 %',
    expected: [['value: ^85 }', 'a ratio is written between 0 and 1 (0.8 for 80%), not 85']],
  },
  {
    name: 'percent-string.yaml',
    mistake: 'a ratio written `85%`',
    expected: [['value: ^85% }', 'fact "healthTechRatio" (a ratio) is compared with "85%"; expected a number']],
  },
  {
    name: 'unknown-vocabulary-code.yaml',
    mistake: 'an equipment code in English words (defibrillator) instead of the vocabulary’s `aed`',
    expected: [['value: [^defibrillator', 'unknown equipment code "defibrillator"']],
  },
  {
    name: 'unknown-parameter.yaml',
    mistake: 'a misspelt parameter',
    expected: [
      [
        '{ param: ^minDrugVariety }',
        'unknown parameter "minDrugVariety" (did you mean "minDrugVarieties"?); parameters of this standard: minBuildingArea, minEquipmentKinds, requiredEquipment, minDrugVarieties, minTcmTechniques',
      ],
    ],
  },
  {
    name: 'parameter-name-kebab-case.yaml',
    mistake: 'a parameter named in kebab-case, like a requirement id',
    expected: [['{ param: ^min-tcm-techniques }', /.*camelCase/]],
  },
  {
    name: 'constructor-parameter.yaml',
    mistake: 'a condition using an undeclared parameter named `constructor`',
    expected: [
      [
        '{ param: ^constructor }',
        'unknown parameter "constructor"; parameters of this standard: minBuildingArea, minEquipmentKinds, requiredEquipment, minDrugVarieties, minTcmTechniques',
      ],
    ],
  },
  {
    name: 'parameter-kind-changed.yaml',
    mistake: 'an overlay setting a number parameter to text with its unit (100平方米)',
    expected: [
      ['{ value: ^100平方米 }', 'parameter "minBuildingArea" is a number in changzhi/village-clinic, not a string'],
      ['{ value: ^100平方米 }', 'fact "premises.buildingArea" (a number in m²) is compared with "100平方米"; expected a number'],
    ],
  },
  {
    name: 'unsatisfiable-thresholds.yaml',
    mistake: 'staff on post both ≥ 5 and < 3 (不少于 and 不超过 mixed up)',
    expected: [['      ^all:', 'this condition can never be met: staff.onPost must be at least 5 and less than 3']],
  },
  {
    name: 'unsatisfiable-all-for-any.yaml',
    mistake: '“集体或政府产权” written with `all` instead of `any`: ownership both collective and government',
    expected: [],
    undetected: 'one code fact required to equal two different codes at once; the file loads and the requirement is a gap for every clinic',
  },
  {
    name: 'unsatisfiable-nested-bounds.yaml',
    mistake: 'staff on post ≥ 5 inside a nested `all`, and < 3 beside it',
    expected: [],
    undetected:
      'the check for contradictory bounds looks at one `all` only, not at bounds split between an `all` and an `all` nested in it; the file loads and the requirement is a gap for every clinic',
  },

  // ── ids, extends, overlays ──────────────────────────────────────────────────────────────────
  {
    name: 'duplicate-requirement-id.yaml',
    mistake: 'a requirement copied and its id left unchanged',
    expected: [[['# 复制上一条', '- id: ^aed'], 'requirement id "aed" is already used on line 13']],
  },
  {
    name: 'duplicate-requirement-id-of-parent.yaml',
    mistake: 'an overlay re-declaring a requirement of its parent',
    expected: [['- id: ^drugs', 'requirement id "drugs" is already used in changzhi/village-clinic']],
  },
  {
    name: 'copied-city-id.yaml',
    mistake: 'the city’s file copied and its id left unchanged',
    expected: [['id: ^changzhi/village-clinic', 'standard id "changzhi/village-clinic" is already defined in the bundled standards']],
  },
  {
    name: 'unknown-parent.yaml',
    mistake: 'a misspelt parent in `extends`',
    expected: [['extends: ^changzhi/village-clinic-demonstraton', 'extends an unknown standard "changzhi/village-clinic-demonstraton"']],
  },
  {
    name: 'extends-itself.yaml',
    mistake: 'a standard that extends itself',
    expected: [['extends: ^qinyuan/village-clinic', 'circular extends: qinyuan/village-clinic → qinyuan/village-clinic']],
  },
  {
    name: 'circular-extends',
    mistake: 'a county standard and a township’s rules that extend each other',
    expected: [
      [
        'extends: ^qinxian/village-clinic',
        'circular extends: qinxian/village-clinic → qinxian/township-rules → qinxian/village-clinic',
        'township.yaml',
      ],
    ],
  },
  {
    name: 'facility-type-mismatch.yaml',
    mistake: 'a township standard copied from a village clinic’s, its facilityType left unchanged',
    expected: [['facilityType: ^village-clinic', "facility type village-clinic differs from changzhi/township-basic's township-health-center"]],
  },
  {
    name: 'alter-unknown-requirement.yaml',
    mistake: 'an alteration of a requirement the parent does not have',
    expected: [['requirement: ^building-size', 'changzhi/village-clinic has no requirement "building-size" (did you mean "building-area"?)']],
  },
  {
    name: 'alter-twice.yaml',
    mistake: 'one requirement altered twice',
    expected: [[['reason: 明确中医适宜技术范围', '  - requirement: ^drugs'], 'requirement "drugs" is already changed on line 14; change it once']],
  },

  // ── ladders ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'ladder-unknown-standard.yaml',
    mistake: 'a ladder level naming a standard that does not exist',
    expected: [['standard: ^changzhi/demonstration-clinic', 'ladder level names an unknown standard "changzhi/demonstration-clinic"']],
  },
  {
    name: 'ladder-one-level.yaml',
    mistake: 'a ladder with one level',
    expected: [['  ^- standard: changzhi/township-basic', 'a ladder has at least two levels']],
  },
];

/** Files with a test of their own, below. */
const separate = ['version-decimal.yaml'];

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

function read(name: string): string {
  return readFileSync(join(directory, name), 'utf8');
}

/** The files of a case: the file itself, or every `.yaml` file of its directory. */
function filesOf(name: string): RuleFileText[] {
  if (!statSync(join(directory, name)).isDirectory()) return [{ file: name, text: read(name) }];
  return readdirSync(join(directory, name))
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file: `${name}/${file}`, text: read(`${name}/${file}`) }));
}

/** Loads the files as a county's rule files are loaded; anything thrown but a RuleFileError fails. */
function load(files: readonly RuleFileText[]): { set?: RuleSet; diagnostics?: readonly Diagnostic[] } {
  try {
    return { set: loadRules(files, { base }) };
  } catch (error) {
    expect(error, 'the loader threw something other than a RuleFileError').toBeInstanceOf(RuleFileError);
    return { diagnostics: (error as RuleFileError).diagnostics };
  }
}

function diagnosticsOf(files: readonly RuleFileText[]): readonly Diagnostic[] {
  const { diagnostics } = load(files);
  if (!diagnostics) throw new Error('the rule files were accepted');
  return diagnostics;
}

/** 1-based line and column of the token after `^` in the marker; see the header. */
function positionOf(text: string, at: At): { line: number; column: number } {
  const [after, marker] = typeof at === 'string' ? [undefined, at] : at;
  const caret = marker.indexOf('^');
  if (caret < 0) throw new Error(`marker ${JSON.stringify(marker)} has no ^`);
  const needle = marker.slice(0, caret) + marker.slice(caret + 1);
  const lines = text.split(/\r?\n/);
  const linesWith = (piece: string, from = 0) =>
    lines.flatMap((line, index) => (index >= from && line.includes(piece) ? [index] : []));
  let from = 0;
  if (after !== undefined) {
    const found = linesWith(after);
    if (found.length !== 1) throw new Error(`${JSON.stringify(after)} is on ${found.length} lines, not one`);
    from = found[0]! + 1;
  }
  const found = linesWith(needle, from);
  if (found.length === 0 || (after === undefined && found.length > 1)) {
    throw new Error(`marker ${JSON.stringify(needle)} is on ${found.length} lines, not one`);
  }
  const index = found[0]!;
  return { line: index + 1, column: lines[index]!.indexOf(needle) + caret + 1 };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `file:line:column: message`, as the expectation or as a matcher when the message is a RegExp. */
function expectedLine(caseName: string, files: readonly RuleFileText[], [at, message, inFile]: Expected): unknown {
  const file = inFile === undefined ? files[0]!.file : `${caseName}/${inFile}`;
  const text = files.find((f) => f.file === file)?.text;
  if (text === undefined) throw new Error(`${file} is not part of ${caseName}`);
  const { line, column } = positionOf(text, at);
  const place = `${file}:${line}:${column}: `;
  return typeof message === 'string' ? place + message : expect.stringMatching(new RegExp(`^${escape(place)}(?:${message.source})`, message.flags));
}

const shown = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.message}`;

function expectCase(c: Case): void {
  const files = filesOf(c.name);
  const { set, diagnostics } = load(files);
  if (c.expected.length === 0) {
    expect(diagnostics?.map(shown), 'the rule files should load').toBeUndefined();
    expect(set).toBeDefined();
    return;
  }
  expect(diagnostics, 'the rule files were accepted').toBeDefined();
  expect(diagnostics!.map(shown)).toEqual(c.expected.map((e) => expectedLine(c.name, files, e)));
  for (const d of diagnostics!) expect(d.toString().startsWith(`${shown(d)}`)).toBe(true);
}

function expectToday(c: Case): void {
  const files = filesOf(c.name);
  const diagnostics = diagnosticsOf(files);
  expect(diagnostics.length).toBeGreaterThan(0);
  for (const d of diagnostics) expect(files.map((f) => f.file)).toContain(d.file);
  for (const part of c.today ?? []) {
    const matching = diagnostics.filter((d) => {
      const text = files.find((f) => f.file === d.file)!.text;
      if (part.at !== undefined) {
        const { line, column } = positionOf(text, part.at);
        if (d.line !== line || d.column !== column) return false;
      }
      if (part.line !== undefined && d.line !== positionOf(text, `^${part.line}`).line) return false;
      if (typeof part.message === 'string' && d.message !== part.message) return false;
      if (part.message instanceof RegExp && !part.message.test(d.message)) return false;
      return true;
    });
    expect(matching.length, `no diagnostic matches ${JSON.stringify({ ...part, message: String(part.message) })} in ${JSON.stringify(diagnostics.map(shown))}`).toBeGreaterThan(0);
  }
}

// ── the corpus ────────────────────────────────────────────────────────────────────────────────

describe('the broken rule files', () => {
  it('every file of the corpus has a case, and every case a file', () => {
    const entries = readdirSync(directory).sort();
    expect(entries).toEqual([...cases.map((c) => c.name), ...separate].sort());
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(entries.length).toBeGreaterThanOrEqual(30);
  });

  it('every marker of the cases is on exactly one line of its file (so that an it.fails test fails for the library, not a marker)', () => {
    for (const c of cases) {
      const files = filesOf(c.name);
      for (const e of c.expected) expect(() => expectedLine(c.name, files, e), c.name).not.toThrow();
      for (const part of c.today ?? []) {
        const text = files[0]!.text;
        if (part.at !== undefined) expect(() => positionOf(text, part.at!), c.name).not.toThrow();
        if (part.line !== undefined) expect(() => positionOf(text, `^${part.line}`), c.name).not.toThrow();
      }
    }
    expect(() => positionOf(read('version-decimal.yaml'), 'version: ^2027.10')).not.toThrow();
  });

  for (const c of cases) {
    if (c.finding) {
      it.fails(`${c.name}: ${c.mistake} — FINDING: ${c.finding}`, () => expectCase(c));
      if (c.today) it(`${c.name}: ${c.mistake} — what is right today`, () => expectToday(c));
    } else if (c.undetected) {
      it(`${c.name}: ${c.mistake} — NOT DETECTED: ${c.undetected}`, () => expectCase(c));
    } else {
      it(`${c.name}: ${c.mistake}`, () => expectCase(c));
    }
  }
});

describe('around the corpus', () => {
  it('a Windows editor’s CRLF line endings and byte-order mark change no diagnostic', () => {
    for (const c of cases) {
      if (statSync(join(directory, c.name)).isDirectory()) continue;
      const text = read(c.name);
      const lf = load([{ file: c.name, text }]).diagnostics?.map(shown);
      const crlf = load([{ file: c.name, text: `\uFEFF${text.replace(/\n/g, '\r\n')}` }]).diagnostics?.map(shown);
      expect(crlf, c.name).toEqual(lf);
    }
  });

  it('__proto__ and constructor keys leave Object.prototype untouched', () => {
    const names = ['proto-key.yaml', 'proto-parameter.yaml', 'constructor-key.yaml', 'constructor-parameter.yaml'];
    for (const name of names) load(filesOf(name));
    load(names.flatMap(filesOf));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectPrototypeNames);
    expect(({}).constructor === Object).toBe(true);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const plain = {} as Record<string, unknown>;
    for (const key of ['polluted', 'severity', 'value', 'title', 'name']) expect(plain[key], key).toBeUndefined();
  });

  it('the unsatisfiable requirements that load (not detected) are a gap for every clinic', () => {
    const standardIn = (name: string) => [...load(filesOf(name)).set!.standards.values()][0]!;
    const ownership = standardIn('unsatisfiable-all-for-any.yaml');
    for (const owner of ['collective', 'government', 'private', 'rented', 'other'] as const) {
      const report = evaluateSync({ type: 'village-clinic', premises: { ownership: owner } }, ownership);
      expect(report.requirements.find((r) => r.requirement === 'public-premises')!.outcome, owner).toBe('gap');
    }
    const staff = standardIn('unsatisfiable-nested-bounds.yaml');
    for (const onPost of [0, 2, 3, 4, 5, 6, 30]) {
      const report = evaluateSync({ type: 'village-clinic', staff: { onPost, healthTechnicians: onPost } }, staff);
      expect(report.requirements.find((r) => r.requirement === 'staff-on-post')!.outcome, `${onPost} on post`).toBe('gap');
    }
  });

  it(
    'version-decimal.yaml: `version: 2027.10` — YAML reads it as the number 2027.1, so it is rejected at the version with a hint to quote it',
    () => {
      const files = filesOf('version-decimal.yaml');
      const { set, diagnostics } = load(files);
      if (set) {
        expect(set.standards.get('huguan/village-clinic-revised')!.version).toBe('2027.10');
      } else {
        const { line, column } = positionOf(files[0]!.text, 'version: ^2027.10');
        expect(diagnostics!.map(shown)).toEqual([expect.stringMatching(new RegExp(`^version-decimal\\.yaml:${line}:${column}: `))]);
      }
    },
  );
});
