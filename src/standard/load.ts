import { clip, limits } from '../input/limits.js';
import { Diagnostic, formatPath, RuleFileError } from '../diagnostic.js';
import { message, vocabularyLabel, type Message } from '../diagnostics/messages.js';
import type { LocalizedText } from '../text.js';
import { facts, type FactDefinition } from '../record/facts.js';
import { vocabularies } from '../record/vocabulary.js';
import { operators, type OperatorDefinition } from '../evaluate/operators.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { diagnosticsFromZod, parseOptions } from '../zod-diagnostics.js';
import { closest } from '../suggest.js';
import { buildLadder, LadderSchema, type Ladder, type LadderFile } from './ladder.js';
import { buildProgram } from '../program/load.js';
import { ProgramSchema, type ProgramFile } from '../program/schema.js';
import type { Program } from '../program/types.js';
import { buildEntitlementSchedule, EntitlementScheduleSchema, type EntitlementSchedule, type EntitlementScheduleFile } from '../portfolio/entitlements.js';
import { RuleFileSchema, type ConditionInput, type StandardFile } from './schema.js';
import type { Condition, Parameter, Provenance, Removal, Requirement, Standard } from './types.js';

/** The text of one rule file and the name to report it by. */
export interface RuleFileText {
  readonly file: string;
  readonly text: string;
}

export interface LoadOptions {
  /** Standards already loaded that the files may `extends` (e.g. the bundled ones). */
  readonly base?: ReadonlyMap<string, Standard>;
}

type Path = readonly PropertyKey[];

interface ParsedFile {
  readonly source: YamlSource;
  readonly data: StandardFile;
}

/**
 * Loads rule files into standards. Everything is checked before anything is returned: YAML
 * syntax, the rule-file schema, facts, operators, operator/fact types, vocabulary codes,
 * parameters, requirement ids and `extends`. Throws one RuleFileError listing every problem,
 * each at its file:line:column.
 */
export function loadStandards(files: readonly RuleFileText[], options: LoadOptions = {}): Map<string, Standard> {
  return loadRules(files, options).standards;
}

/** Standards, ladders and programmes loaded together. */
export interface RuleSet {
  readonly standards: Map<string, Standard>;
  readonly ladders: Map<string, Ladder>;
  readonly programs: Map<string, Program>;
  /** Entitlement schedules (files with `entitlements`): what a level earns. */
  readonly entitlements: Map<string, EntitlementSchedule>;
}

/**
 * Loads rule files of all kinds: standards, ladders (files with `levels`) and programmes (files
 * with `targets`). Ladders and programmes may name the standards loaded with them and those in
 * `base`. Throws one RuleFileError listing every problem.
 */
export function loadRules(files: readonly RuleFileText[], options: LoadOptions = {}): RuleSet {
  const diagnostics: Diagnostic[] = [];
  const parsed = new Map<string, ParsedFile>();
  const ladderFiles: { source: YamlSource; data: LadderFile }[] = [];
  const programFiles: { source: YamlSource; data: ProgramFile }[] = [];
  const entitlementFiles: { source: YamlSource; data: EntitlementScheduleFile }[] = [];
  /** Ids of standards that failed to load: dependants neither call them unknown nor retry them. */
  const failed = new Set<string>();

  for (const { file, text } of files) {
    const result = parseYamlSource(text, file);
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      continue;
    }
    if (isLadder(result.source.data)) {
      const ladder = LadderSchema.safeParse(result.source.data, parseOptions);
      if (ladder.success) ladderFiles.push({ source: result.source, data: ladder.data });
      else diagnostics.push(...diagnosticsFromZod(ladder.error.issues, { source: result.source }));
      continue;
    }
    if (isProgram(result.source.data)) {
      const program = ProgramSchema.safeParse(result.source.data, parseOptions);
      if (program.success) programFiles.push({ source: result.source, data: program.data });
      else diagnostics.push(...diagnosticsFromZod(program.error.issues, { source: result.source }));
      continue;
    }
    if (isEntitlementSchedule(result.source.data)) {
      const schedule = EntitlementScheduleSchema.safeParse(result.source.data, parseOptions);
      if (schedule.success) entitlementFiles.push({ source: result.source, data: schedule.data });
      else diagnostics.push(...diagnosticsFromZod(schedule.error.issues, { source: result.source }));
      continue;
    }
    // zod drops a `__proto__` key from a record map instead of reporting it.
    const parameters = (result.source.data as { parameters?: unknown } | null)?.parameters;
    if (parameters !== null && typeof parameters === 'object' && Object.hasOwn(parameters, '__proto__')) {
      diagnostics.push(at(result.source, ['parameters', '__proto__'], message('rule.proto-parameter', {}), true));
      continue;
    }
    const checked = RuleFileSchema.safeParse(result.source.data, parseOptions);
    if (!checked.success) {
      const id = (result.source.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') failed.add(id);
      diagnostics.push(...diagnosticsFromZod(checked.error.issues, { source: result.source }));
      continue;
    }
    const { id } = checked.data;
    const earlier = parsed.get(id);
    if (earlier || options.base?.has(id)) {
      const where = earlier ? earlier.source.file : 'the bundled standards';
      diagnostics.push(at(result.source, ['id'], message('rule.duplicate-id', { kind: 'standard', id, where })));
      continue;
    }
    parsed.set(id, { source: result.source, data: checked.data });
  }

  const loaded = new Map<string, Standard>();
  const resolving: string[] = [];

  const resolve = (id: string): Standard | undefined => {
    const done = loaded.get(id) ?? options.base?.get(id);
    if (done) return done;
    const file = parsed.get(id);
    if (!file || resolving.includes(id) || failed.has(id)) return undefined;
    resolving.push(id);
    try {
      const standard = build(file, { resolve, exists: (other) => parsed.has(other) || failed.has(other) || !!options.base?.has(other) }, diagnostics, resolving);
      if (standard) loaded.set(id, standard);
      else failed.add(id);
      return standard;
    } finally {
      resolving.pop();
    }
  };
  for (const id of parsed.keys()) resolve(id);

  const ladders = new Map<string, Ladder>();
  for (const { source, data } of ladderFiles) {
    if (ladders.has(data.id)) {
      diagnostics.push(at(source, ['id'], message('rule.duplicate-id', { kind: 'ladder', id: data.id, where: ladders.get(data.id)!.file })));
      continue;
    }
    const built = buildLadder(source, data, (id) => loaded.get(id) ?? options.base?.get(id));
    diagnostics.push(...built.diagnostics);
    if (built.ladder) ladders.set(data.id, built.ladder);
  }

  const programs = new Map<string, Program>();
  for (const { source, data } of programFiles) {
    if (programs.has(data.id)) {
      diagnostics.push(at(source, ['id'], message('rule.duplicate-id', { kind: 'programme', id: data.id, where: programs.get(data.id)!.file })));
      continue;
    }
    const built = buildProgram(source, data, {
      standard: (id) => loaded.get(id) ?? options.base?.get(id),
      checkCondition: (condition, path, report) => new ConditionChecker({}, report).check(condition, path),
    });
    diagnostics.push(...built.diagnostics);
    if (built.program) programs.set(data.id, built.program);
  }

  const entitlements = new Map<string, EntitlementSchedule>();
  for (const { source, data } of entitlementFiles) {
    if (entitlements.has(data.id)) {
      diagnostics.push(at(source, ['id'], message('rule.duplicate-id', { kind: 'entitlement schedule', id: data.id, where: entitlements.get(data.id)!.file })));
      continue;
    }
    const built = buildEntitlementSchedule(source, data, {
      standard: (id) => loaded.get(id) ?? options.base?.get(id),
      checkCondition: (condition, path, report) => new ConditionChecker({}, report).check(condition, path),
    });
    diagnostics.push(...built.diagnostics);
    if (built.schedule) entitlements.set(data.id, built.schedule);
  }

  if (diagnostics.length > 0) {
    const count = diagnostics.length === 1 ? 'a problem' : `${diagnostics.length} problems`;
    throw new RuleFileError({ en: `Rule files have ${count}:`, zh: `规则文件有 ${diagnostics.length} 处问题：` }, diagnostics);
  }
  return { standards: loaded, ladders, programs, entitlements };
}

function isLadder(data: unknown): boolean {
  return data !== null && typeof data === 'object' && Object.hasOwn(data, 'levels');
}

function isEntitlementSchedule(data: unknown): boolean {
  return data !== null && typeof data === 'object' && Object.hasOwn(data, 'entitlements');
}

function isProgram(data: unknown): boolean {
  return data !== null && typeof data === 'object' && Object.hasOwn(data, 'targets');
}

/** Loads a single rule file; see loadStandards. */
export function loadStandard(text: string, file: string, options: LoadOptions = {}): Standard {
  const loaded = loadStandards([{ file, text }], options);
  return [...loaded.values()][0]!;
}

function build(
  { source, data }: ParsedFile,
  standards: { resolve(id: string): Standard | undefined; exists(id: string): boolean },
  diagnostics: Diagnostic[],
  resolving: readonly string[],
): Standard | undefined {
  const before = diagnostics.length;
  const report = (path: Path, text: Message, atKey = false) => diagnostics.push(at(source, path, text, atKey));

  let parent: Standard | undefined;
  if (data.extends !== undefined) {
    if (resolving.includes(data.extends)) {
      const cycle = [...resolving.slice(resolving.indexOf(data.extends)), data.extends].join(' → ');
      report(['extends'], message('rule.circular-extends', { cycle }));
      return undefined;
    }
    if (resolving.length > limits.extendsDepth) {
      report(['extends'], message('rule.extends-too-deep', { limit: limits.extendsDepth, start: resolving.slice(0, 3).join(' → ') }));
      return undefined;
    }
    parent = standards.resolve(data.extends);
    if (!parent) {
      // A parent that exists but failed to load has reported its own problems already.
      if (!standards.exists(data.extends)) report(['extends'], message('rule.unknown-extends', { id: clip(data.extends) }));
      return undefined;
    }
    if (parent.facilityType !== data.facilityType) {
      report(['facilityType'], message('rule.facility-type-differs', { type: data.facilityType, parent: parent.id, parentType: parent.facilityType }));
    }
  }

  const parameters: Record<string, Parameter> = { ...parent?.parameters };
  const overridden = new Set<string>();
  for (const [name, parameter] of Object.entries(data.parameters ?? {})) {
    const inherited = parent && Object.hasOwn(parent.parameters, name) ? parent.parameters[name] : undefined;
    if (inherited) {
      overridden.add(name);
      if (kindOf(inherited.value) !== kindOf(parameter.value)) {
        report(['parameters', name, 'value'], message('rule.parameter-kind', { name, parent: parent!.id, was: kindOf(inherited.value), now: kindOf(parameter.value) }));
      }
    }
    parameters[name] = { ...inherited, ...parameter };
  }

  const checker = new ConditionChecker(parameters, report);
  const provenanceAt = (path: Path, cited: { clause?: string | undefined; quote?: string | undefined }): Provenance => ({
    standard: data.id,
    file: source.file,
    line: source.locate(path)?.line,
    document: data.source,
    ...(cited.clause !== undefined && { clause: cited.clause }),
    ...(cited.quote !== undefined && { quote: cited.quote }),
  });

  const inherited = parent ? takeOver(parent, overridden, new ConditionChecker(parameters, report, (name) => ['parameters', name, 'value'])) : [];
  const requirements = new Map(inherited.map((r) => [r.id, r]));
  const changedBy = new Map<string, Path>();
  const claim = (id: string, path: Path): boolean => {
    if (!requirements.has(id)) {
      report(path, message('rule.no-such-requirement', { parent: parent!.id, id, suggestion: closest(id, requirements.keys()) }));
      return false;
    }
    const earlier = changedBy.get(id);
    if (earlier) {
      report(path, message('rule.changed-twice', { id, line: source.locate(earlier)?.line }));
      return false;
    }
    changedBy.set(id, path);
    return true;
  };

  (data.alter ?? []).forEach((alteration, index) => {
    const path = ['alter', index];
    if (!claim(alteration.requirement, [...path, 'requirement'])) return;
    const { requirement: id, reason, when, check, clause, quote, ...text } = alteration;
    const current = requirements.get(id)!;
    const changed = (['severity', 'title', 'when', 'check', 'note', 'clause'] as const).filter((k) => alteration[k] !== undefined);
    requirements.set(id, {
      ...current,
      ...text,
      ...(clause !== undefined && { clause, quote }),
      ...(when && { when: checker.check(when, [...path, 'when']) }),
      ...(check && { check: checker.check(check, [...path, 'check']) }),
      written: { check: check ?? current.written.check, when: when ?? current.written.when },
      alterations: [
        ...current.alterations,
        { provenance: provenanceAt(path, { clause, quote }), reason, changed },
      ],
    });
  });

  const removed: Removal[] = [...(parent?.removed ?? [])];
  (data.remove ?? []).forEach((removal, index) => {
    const path = ['remove', index];
    if (!claim(removal.requirement, [...path, 'requirement'])) return;
    requirements.delete(removal.requirement);
    removed.push({ requirement: removal.requirement, reason: removal.reason, provenance: provenanceAt(path, {}) });
  });

  const firstLine = new Map<string, number | undefined>(inherited.map((r) => [r.id, undefined]));
  (data.requirements ?? []).forEach((requirement, index) => {
    const path = ['requirements', index];
    if (firstLine.has(requirement.id)) {
      const first = firstLine.get(requirement.id);
      report([...path, 'id'], message('rule.requirement-id-used', first === undefined ? { id: requirement.id, parent: parent!.id } : { id: requirement.id, line: first }));
    }
    const provenance = provenanceAt(path, requirement);
    firstLine.set(requirement.id, provenance.line);
    const { when, check, ...rest } = requirement;
    requirements.set(requirement.id, {
      ...rest,
      ...(when && { when: checker.check(when, [...path, 'when']) }),
      check: checker.check(check, [...path, 'check']),
      provenance,
      alterations: [],
      written: { check, when },
    });
  });

  const applicability = data.applicability
    ? { ...data.applicability, when: checker.check(data.applicability.when, ['applicability', 'when']) }
    : parent?.applicability;

  if (diagnostics.length > before) return undefined;
  return {
    id: data.id,
    version: data.version,
    title: data.title,
    facilityType: data.facilityType,
    ...((data.region ?? parent?.region) && { region: data.region ?? parent!.region }),
    source: data.source,
    evidence: data.evidence,
    status: data.status ?? parent?.status ?? 'complete',
    ...(data.extends !== undefined && { extends: data.extends }),
    ...(applicability && { applicability }),
    parameters,
    requirements: [...requirements.values()],
    removed,
    ...(data.note !== undefined && { note: data.note }),
    file: source.file,
  };
}

/**
 * The parent's requirements as this standard takes them over: those whose conditions use a
 * parameter this standard sets are resolved again with the new value.
 */
function takeOver(parent: Standard, overridden: ReadonlySet<string>, checker: ConditionChecker): Requirement[] {
  return parent.requirements.map((requirement) => {
    const uses = (written: unknown) => written !== undefined && parametersIn(written).some((name) => overridden.has(name));
    if (!uses(requirement.written.check) && !uses(requirement.written.when)) return requirement;
    const { check, when } = requirement.written as { check: ConditionInput; when?: ConditionInput };
    return {
      ...requirement,
      check: checker.check(check, []),
      ...(when && { when: checker.check(when, []) }),
    };
  });
}

function parametersIn(written: unknown): string[] {
  if (Array.isArray(written)) return written.flatMap(parametersIn);
  if (written === null || typeof written !== 'object') return [];
  const { param } = written as { param?: unknown };
  if (typeof param === 'string') return [param];
  return Object.values(written).flatMap(parametersIn);
}

type Report = (path: Path, text: Message, atKey?: boolean) => void;

/** Checks a condition against the fact catalogue, the operators and the parameters; resolves parameters. */
class ConditionChecker {
  /**
   * @param parameterSite where to report a bad parameter value; by default at the condition that
   * uses it (an overlay reports at the value it sets for a requirement it took over).
   */
  constructor(
    private readonly parameters: Readonly<Record<string, Parameter>>,
    private readonly report: Report,
    private readonly parameterSite?: (name: string) => Path,
  ) {}

  check(condition: ConditionInput, path: Path): Condition {
    if (condition.all) {
      const all = condition.all.map((c, i) => this.check(c, [...path, 'all', i]));
      const contradiction = contradictoryBounds(all);
      if (contradiction) this.report(path, contradiction);
      return { all };
    }
    if (condition.any) return { any: condition.any.map((c, i) => this.check(c, [...path, 'any', i])) };
    if (condition.not) return { not: this.check(condition.not, [...path, 'not']) };
    return this.checkFact(condition as Required<Pick<ConditionInput, 'fact' | 'operator' | 'value'>>, path);
  }

  private checkFact(condition: Required<Pick<ConditionInput, 'fact' | 'operator' | 'value'>>, path: Path): Condition {
    const fact = facts.get(condition.fact);
    const operator = operators.get(condition.operator);
    if (!fact) {
      this.report([...path, 'fact'], message('rule.unknown-fact', { fact: clip(condition.fact), suggestion: closest(condition.fact, facts.keys()) }));
    }
    if (!operator) {
      this.report(
        [...path, 'operator'],
        message('rule.unknown-operator', {
          operator: clip(condition.operator),
          suggestion: symbolic[condition.operator] ?? closest(condition.operator, operators.keys()),
          operators: [...operators.keys()],
        }),
      );
    }
    let value: unknown = condition.value;
    let valuePath: Path = [...path, 'value'];
    if (typeof value === 'object' && value !== null && 'param' in value) {
      const name = String(value.param);
      // Own properties only: a parameter named like an Object.prototype member (constructor) is not declared by default.
      const parameter = Object.hasOwn(this.parameters, name) ? this.parameters[name] : undefined;
      if (!parameter) {
        const known = Object.keys(this.parameters);
        this.report([...valuePath, 'param'], message('rule.unknown-parameter', { name: clip(name), suggestion: closest(name, known), known }));
        return { fact: condition.fact, operator: condition.operator, value: 0 };
      }
      value = parameter.value;
      valuePath = this.parameterSite?.(name) ?? [...valuePath, 'param'];
    }
    const resolved = { fact: condition.fact, operator: condition.operator, value } as Condition;
    if (!fact || !operator) return resolved;

    if (!operator.factTypes.includes(fact.type)) {
      const fitting = [...operators.values()].filter((op) => op.factTypes.includes(fact.type)).map((op) => op.name);
      this.report(
        [...path, 'operator'],
        message('rule.operator-not-for-fact', { operator: operator.name, fact: fact.name, type: describeType(fact).en, typeZh: describeType(fact).zh, fitting }),
      );
      return resolved;
    }
    this.checkValue(fact, operator, value, valuePath);
    return resolved;
  }

  private checkValue(fact: FactDefinition, operator: OperatorDefinition, value: unknown, path: Path): void {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'fact' in value) {
      const other = facts.get(String(value.fact));
      if (!other) {
        this.report([...path, 'fact'], message('rule.unknown-fact', { fact: String(value.fact), suggestion: closest(String(value.fact), facts.keys()) }));
      } else if (operator.value !== 'scalar' || scalarKind(other) !== scalarKind(fact)) {
        this.report(
          path,
          message('rule.facts-not-comparable', {
            fact: fact.name,
            type: describeType(fact).en,
            typeZh: describeType(fact).zh,
            other: other.name,
            otherType: describeType(other).en,
            otherTypeZh: describeType(other).zh,
            operator: operator.name,
          }),
        );
      }
      return;
    }
    switch (operator.value) {
      case 'scalar':
        return this.checkScalar(fact, value, path);
      case 'member':
        return this.checkScalar(fact, value, path);
      case 'list':
      case 'members':
        if (!Array.isArray(value)) {
          this.report(path, message('rule.takes-list', { operator: operator.name, what: fact.vocabulary ? `${fact.vocabulary} codes` : 'values', whatZh: fact.vocabulary ? `${vocabularyLabel(fact.vocabulary)}代码` : '值' }));
          return;
        }
        value.forEach((item, i) => this.checkScalar(fact, item, [...path, i]));
        return;
    }
  }

  private checkScalar(fact: FactDefinition, value: unknown, path: Path): void {
    const kind = scalarKind(fact);
    if (typeof value !== kind) {
      this.report(path, message('rule.value-kind', { fact: fact.name, type: describeType(fact).en, typeZh: describeType(fact).zh, value: JSON.stringify(value) ?? String(value), kind }));
      return;
    }
    if (fact.type === 'ratio' && typeof value === 'number' && (value < 0 || value > 1)) {
      this.report(path, message('rule.ratio-range', { value }));
    }
    if (fact.vocabulary && typeof value === 'string') {
      const codes = Object.keys(vocabularies[fact.vocabulary]);
      if (!codes.includes(value)) {
        this.report(path, message('rule.unknown-code', { vocabulary: fact.vocabulary, value, suggestion: closest(value, codes) }));
      }
    }
  }
}

/**
 * Bounds on one number that no value meets, among the conditions an `all` joins (e.g. at least
 * 5 and less than 3): such a requirement could never be met. Returns the sentence saying so.
 */
function contradictoryBounds(conditions: readonly Condition[]): Message | undefined {
  const bounds = new Map<string, { low: number; lowStrict: boolean; high: number; highStrict: boolean }>();
  for (const c of conditions) {
    if (!('fact' in c) || typeof c.value !== 'number') continue;
    const b = bounds.get(c.fact) ?? { low: -Infinity, lowStrict: false, high: Infinity, highStrict: false };
    const v = c.value;
    const raise = (strict: boolean) => {
      if (v > b.low || (v === b.low && strict)) Object.assign(b, { low: v, lowStrict: strict });
    };
    const lower = (strict: boolean) => {
      if (v < b.high || (v === b.high && strict)) Object.assign(b, { high: v, highStrict: strict });
    };
    if (c.operator === 'greaterThan') raise(true);
    else if (c.operator === 'greaterThanInclusive') raise(false);
    else if (c.operator === 'lessThan') lower(true);
    else if (c.operator === 'lessThanInclusive') lower(false);
    else if (c.operator === 'equal') {
      raise(false);
      lower(false);
    }
    bounds.set(c.fact, b);
  }
  for (const [fact, b] of bounds) {
    if (b.low > b.high || (b.low === b.high && (b.lowStrict || b.highStrict))) {
      return message('rule.never-met', {
        fact,
        low: `${b.lowStrict ? 'more than' : 'at least'} ${b.low}`,
        high: `${b.highStrict ? 'less than' : 'at most'} ${b.high}`,
        lowZh: `${b.lowStrict ? '多于' : '不少于'} ${b.low}`,
        highZh: `${b.highStrict ? '少于' : '不多于'} ${b.high}`,
      });
    }
  }
  return undefined;
}

function scalarKind(fact: FactDefinition): 'number' | 'boolean' | 'string' {
  if (fact.type === 'number' || fact.type === 'count' || fact.type === 'ratio') return 'number';
  if (fact.type === 'boolean') return 'boolean';
  return 'string';
}

function describeType(fact: FactDefinition): LocalizedText {
  switch (fact.type) {
    case 'codes':
      return { en: `a set of ${fact.vocabulary} codes`, zh: `${vocabularyLabel(fact.vocabulary!)}代码集合` };
    case 'code':
      return { en: `one ${fact.vocabulary} code`, zh: `一个${vocabularyLabel(fact.vocabulary!)}代码` };
    case 'number':
      return fact.unit ? { en: `a number in ${fact.unit.en}`, zh: `数值（${fact.unit.zh}）` } : { en: 'a number', zh: '数值' };
    default:
      return { en: `a ${fact.type}`, zh: { count: '计数', ratio: '比例', boolean: '是/否', text: '文字' }[fact.type as string] ?? fact.type };
  }
}


function kindOf(value: Parameter['value']): string {
  return Array.isArray(value) ? 'list' : typeof value;
}

/** What a clerk writes for an operator in mathematical notation. */
const symbolic: Readonly<Record<string, string>> = {
  '>=': 'greaterThanInclusive',
  '≥': 'greaterThanInclusive',
  '>': 'greaterThan',
  '<=': 'lessThanInclusive',
  '≤': 'lessThanInclusive',
  '<': 'lessThan',
  '=': 'equal',
  '==': 'equal',
  '!=': 'notEqual',
  '≠': 'notEqual',
};

function at(source: YamlSource, path: Path, text: Message, atKey = false): Diagnostic {
  return new Diagnostic(text, { file: source.file, ...source.locate(path, atKey), path: formatPath(path) });
}
