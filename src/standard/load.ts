import { Diagnostic, formatPath, RuleFileError } from '../diagnostic.js';
import { facts, type FactDefinition } from '../record/facts.js';
import { vocabularies } from '../record/vocabulary.js';
import { operators, type OperatorDefinition } from '../evaluate/operators.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { diagnosticsFromZod, parseOptions } from '../zod-diagnostics.js';
import { closest } from './closest.js';
import { buildLadder, LadderSchema, type Ladder, type LadderFile } from './ladder.js';
import { buildProgram } from '../program/load.js';
import { ProgramSchema, type ProgramFile } from '../program/schema.js';
import type { Program } from '../program/types.js';
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
    // zod drops a `__proto__` key from a record map instead of reporting it.
    const parameters = (result.source.data as { parameters?: unknown } | null)?.parameters;
    if (parameters !== null && typeof parameters === 'object' && Object.hasOwn(parameters, '__proto__')) {
      diagnostics.push(at(result.source, ['parameters', '__proto__'], 'a parameter name is camelCase, e.g. minTcmTechniques; "__proto__" is not', true));
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
      diagnostics.push(at(result.source, ['id'], `standard id "${id}" is already defined in ${where}`));
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
      diagnostics.push(at(source, ['id'], `ladder id "${data.id}" is already defined in ${ladders.get(data.id)!.file}`));
      continue;
    }
    const built = buildLadder(source, data, (id) => loaded.get(id) ?? options.base?.get(id));
    diagnostics.push(...built.diagnostics);
    if (built.ladder) ladders.set(data.id, built.ladder);
  }

  const programs = new Map<string, Program>();
  for (const { source, data } of programFiles) {
    if (programs.has(data.id)) {
      diagnostics.push(at(source, ['id'], `programme id "${data.id}" is already defined in ${programs.get(data.id)!.file}`));
      continue;
    }
    const built = buildProgram(source, data, {
      standard: (id) => loaded.get(id) ?? options.base?.get(id),
      checkCondition: (condition, path, report) => new ConditionChecker({}, report).check(condition, path),
    });
    diagnostics.push(...built.diagnostics);
    if (built.program) programs.set(data.id, built.program);
  }

  if (diagnostics.length > 0) {
    const count = diagnostics.length === 1 ? 'a problem' : `${diagnostics.length} problems`;
    throw new RuleFileError(`Rule files have ${count}:`, diagnostics);
  }
  return { standards: loaded, ladders, programs };
}

function isLadder(data: unknown): boolean {
  return data !== null && typeof data === 'object' && Object.hasOwn(data, 'levels');
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
  const report = (path: Path, message: string, atKey = false) => diagnostics.push(at(source, path, message, atKey));

  let parent: Standard | undefined;
  if (data.extends !== undefined) {
    if (resolving.includes(data.extends)) {
      const cycle = [...resolving.slice(resolving.indexOf(data.extends)), data.extends].join(' → ');
      report(['extends'], `circular extends: ${cycle}`);
      return undefined;
    }
    parent = standards.resolve(data.extends);
    if (!parent) {
      // A parent that exists but failed to load has reported its own problems already.
      if (!standards.exists(data.extends)) report(['extends'], `extends an unknown standard "${data.extends}"`);
      return undefined;
    }
    if (parent.facilityType !== data.facilityType) {
      report(['facilityType'], `facility type ${data.facilityType} differs from ${parent.id}'s ${parent.facilityType}`);
    }
  }

  const parameters: Record<string, Parameter> = { ...parent?.parameters };
  const overridden = new Set<string>();
  for (const [name, parameter] of Object.entries(data.parameters ?? {})) {
    const inherited = parent && Object.hasOwn(parent.parameters, name) ? parent.parameters[name] : undefined;
    if (inherited) {
      overridden.add(name);
      if (kindOf(inherited.value) !== kindOf(parameter.value)) {
        report(['parameters', name, 'value'], `parameter "${name}" is a ${kindOf(inherited.value)} in ${parent!.id}, not a ${kindOf(parameter.value)}`);
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
      report(path, `${parent!.id} has no requirement "${id}"${suggest(id, requirements.keys())}`);
      return false;
    }
    const earlier = changedBy.get(id);
    if (earlier) {
      report(path, `requirement "${id}" is already changed on line ${source.locate(earlier)?.line}; change it once`);
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
      const where = first === undefined ? `in ${parent!.id}` : `on line ${first}`;
      report([...path, 'id'], `requirement id "${requirement.id}" is already used ${where}`);
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

type Report = (path: Path, message: string, atKey?: boolean) => void;

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
      this.report([...path, 'fact'], `unknown fact "${condition.fact}"${suggest(condition.fact, facts.keys())}`);
    }
    if (!operator) {
      this.report(
        [...path, 'operator'],
        `unknown operator "${condition.operator}"${symbolic[condition.operator] ? ` (did you mean "${symbolic[condition.operator]}"?)` : suggest(condition.operator, operators.keys())}; operators: ${[...operators.keys()].join(', ')}`,
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
        this.report(
          [...valuePath, 'param'],
          `unknown parameter "${name}"${suggest(name, known)}; ${known.length ? `parameters of this standard: ${known.join(', ')}` : 'this standard declares no parameters'}`,
        );
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
        `operator "${operator.name}" does not apply to fact "${fact.name}" (${describeType(fact)}); use one of: ${fitting.join(', ')}`,
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
        this.report([...path, 'fact'], `unknown fact "${String(value.fact)}"${suggest(String(value.fact), facts.keys())}`);
      } else if (operator.value !== 'scalar' || scalarKind(other) !== scalarKind(fact)) {
        this.report(path, `fact "${fact.name}" (${describeType(fact)}) cannot be compared with fact "${other.name}" (${describeType(other)}) by "${operator.name}"`);
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
          this.report(path, `"${operator.name}" takes a list of ${fact.vocabulary ? `${fact.vocabulary} codes` : 'values'}`);
          return;
        }
        value.forEach((item, i) => this.checkScalar(fact, item, [...path, i]));
        return;
    }
  }

  private checkScalar(fact: FactDefinition, value: unknown, path: Path): void {
    const kind = scalarKind(fact);
    if (typeof value !== kind) {
      this.report(path, `fact "${fact.name}" (${describeType(fact)}) is compared with ${JSON.stringify(value)}; expected a ${kind}`);
      return;
    }
    if (fact.type === 'ratio' && typeof value === 'number' && (value < 0 || value > 1)) {
      this.report(path, `a ratio is written between 0 and 1 (0.8 for 80%), not ${value}`);
    }
    if (fact.vocabulary && typeof value === 'string') {
      const codes = Object.keys(vocabularies[fact.vocabulary]);
      if (!codes.includes(value)) {
        this.report(path, `unknown ${fact.vocabulary} code "${value}"${suggest(value, codes)}`);
      }
    }
  }
}

/**
 * Bounds on one number that no value meets, among the conditions an `all` joins (e.g. at least
 * 5 and less than 3): such a requirement could never be met. Returns the sentence saying so.
 */
function contradictoryBounds(conditions: readonly Condition[]): string | undefined {
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
      const low = `${b.lowStrict ? 'more than' : 'at least'} ${b.low}`;
      const high = `${b.highStrict ? 'less than' : 'at most'} ${b.high}`;
      return `this condition can never be met: ${fact} must be ${low} and ${high}`;
    }
  }
  return undefined;
}

function scalarKind(fact: FactDefinition): 'number' | 'boolean' | 'string' {
  if (fact.type === 'number' || fact.type === 'count' || fact.type === 'ratio') return 'number';
  if (fact.type === 'boolean') return 'boolean';
  return 'string';
}

function describeType(fact: FactDefinition): string {
  switch (fact.type) {
    case 'codes':
      return `a set of ${fact.vocabulary} codes`;
    case 'code':
      return `one ${fact.vocabulary} code`;
    case 'number':
      return fact.unit ? `a number in ${fact.unit.en}` : 'a number';
    default:
      return `a ${fact.type}`;
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

function suggest(input: string, known: Iterable<string>): string {
  const match = closest(input, known);
  return match ? ` (did you mean "${match}"?)` : '';
}

function at(source: YamlSource, path: Path, message: string, atKey = false): Diagnostic {
  return new Diagnostic(message, { file: source.file, ...source.locate(path, atKey), path: formatPath(path) });
}
