import { Diagnostic, FacilityTypeError, RecordError } from '../diagnostic.js';
import type { Notice } from '../notice.js';
import { message } from '../diagnostics/messages.js';
import { readFacts, type FactDefinition, type FactValue } from '../record/facts.js';
import { parseRecord } from '../record/parse.js';
import { label } from '../record/vocabulary.js';
import type { FacilityRecord, FacilityRecordInput } from '../record/schema.js';
import { gapMessage, metMessage, notApplicableMessage, unknownMessage } from '../report/messages.js';
import { bundledStandard, bundledStandards, selectStandards } from '../standard/registry.js';
import { knownRegions, normalizeRegion, unplacedNotice } from '../standard/region.js';
import type { BundledStandardId } from '../standard/ids.js';
import type { Requirement, Standard } from '../standard/types.js';
import { decisionIndex } from './codegen.js';
import { compileStandard, type EvaluationPath } from './compile.js';
import { countedBy, countFacts } from './counted.js';
import { ruleName, runRules, type ResultNode } from './engine.js';
import { findingsOf, judge, undecidedFields, type Truth } from './gap.js';
import type { LocalizedText } from '../text.js';
import type { GapDetails, GapResult, OutcomeCounts, Report, RequirementResult, RequirementResultBase, StandardOutcome, UnknownResult } from './result.js';

export interface EvaluateOptions {
  /**
   * `compiled` (the default) evaluates each standard's conditions compiled once into
   * functions; `json-rules-engine` runs them on json-rules-engine, the reference semantics.
   * Both give the same report.
   */
  readonly engine?: 'compiled' | 'json-rules-engine';
}

/**
 * Evaluates a facility record against a standard (a loaded one, or a bundled one by id) and
 * returns every requirement's outcome with the gaps spelled out. The record is validated first:
 * a record that breaks the record contract throws a RecordError naming each bad field.
 */
export async function evaluate(
  record: FacilityRecordInput,
  standard: Standard | BundledStandardId,
  options: EvaluateOptions = {},
): Promise<Report> {
  return evaluateRecord(parseRecord(record), standardOf(standard), options);
}

/** Like evaluate, synchronously, on the compiled path: for a form re-evaluated on every keystroke. */
export function evaluateSync(record: FacilityRecordInput, standard: Standard | BundledStandardId): Report {
  return evaluateRecordSync(parseRecord(record), standardOf(standard));
}

/** What `evaluateAll` chooses from, besides how it evaluates. */
export interface EvaluateAllOptions extends EvaluateOptions {
  /** The standards to choose from, in place of the bundled ones (e.g. `loadStandards(files).values()`). */
  readonly standards?: Iterable<Standard>;
  /**
   * Standards added to those (a county overlay loaded with `loadStandards(files, { base: bundledStandards() })`,
   * say); one with the id of a standard already there replaces it. An overlay for a county is
   * chosen, in place of the city standard it extends, for records known to be in that county.
   */
  readonly overlays?: Iterable<Standard>;
}

/**
 * Evaluates a record against every standard (the bundled ones, or `options.standards`, with
 * `options.overlays`) for its facility type that it is known to be
 * under: national ones, and a city's or county's when the record names that city or county. A
 * region name written without its suffix (长治) is read as the known one (长治市). What the
 * record leaves open — a region-bound standard it may be under but does not say — is in each
 * report's `notices`; when that leaves no standard at all, it throws RecordError saying which
 * field to give.
 */
export async function evaluateAll(record: FacilityRecordInput, options: EvaluateAllOptions = {}): Promise<Report[]> {
  const valid = parseRecord(record);
  if (valid.type === undefined) {
    throw new RecordError({ en: 'Cannot choose standards for the record:', zh: '无法为该记录选择标准：' }, [
      new Diagnostic(message('record.type-needed', {}), { path: 'type' }),
    ]);
  }
  const byId = new Map<string, Standard>();
  for (const standard of options.standards ?? bundledStandards().values()) byId.set(standard.id, standard);
  for (const standard of options.overlays ?? []) byId.set(standard.id, standard);
  const standards = [...byId.values()];
  const { region, notices } = normalizeRegion(valid.region, knownRegions(standards.map((s) => s.region)));
  const placed: FacilityRecord = region === valid.region ? valid : { ...valid, region };
  const selection = selectStandards(standards, valid.type, region);
  if (selection.unplaced.length > 0) {
    const fields = [...new Set(selection.unplaced.flatMap((u) => u.fields))];
    notices.push(unplacedNotice(fields, selection.unplaced.map((u) => u.standard.id)));
  }
  if (selection.standards.length === 0 && notices.length > 0) {
    throw new RecordError(
      { en: 'No standard can be chosen for the record:', zh: '无法为该记录选择任何标准：' },
      notices.map((n) => new Diagnostic(message('notice', { en: n.message.en, zh: n.message.zh }), { ...(n.path && { path: n.path }) })),
    );
  }
  const reports: Report[] = [];
  for (const standard of selection.standards) {
    const report = await evaluateRecord(placed, standard, { ...(options.engine && { engine: options.engine }) });
    reports.push(notices.length > 0 ? { ...report, notices: [...(report.notices ?? []), ...notices] } : report);
  }
  return reports;
}

/** Evaluates a record that has already been validated. */
export async function evaluateRecord(record: FacilityRecord, standard: Standard, options: EvaluateOptions = {}): Promise<Report> {
  fitsType(record, standard);
  if (options.engine !== 'json-rules-engine') return evaluateRecordSync(record, standard);
  const values = readFacts(record, compileStandard(standard).facts);
  const trees = await runRules(standard, values);
  const tree = (name: string) => trees.get(name)!;
  return buildReport(record, standard, values, {
    applicability: () => judge(standard.applicability!.when, tree(ruleName.applicability), values),
    when: (i) => judge(standard.requirements[i]!.when!, tree(ruleName.when(standard.requirements[i]!.id)), values),
    check: (i) => judge(standard.requirements[i]!.check, tree(ruleName.check(standard.requirements[i]!.id)), values),
    checkTree: (i) => tree(ruleName.check(standard.requirements[i]!.id)),
  });
}

/** Evaluates a validated record on the compiled path. */
export function evaluateRecordSync(record: FacilityRecord, standard: Standard): Report {
  fitsType(record, standard);
  const compiled = compileStandard(standard);
  const values = readFacts(record, compiled.facts);
  const truths = compiled.decide(values);
  return buildReport(record, standard, values, {
    applicability: () => truths[decisionIndex.applicability]!,
    when: (i) => truths[decisionIndex.when(i)]!,
    check: (i) => truths[decisionIndex.check(i)]!,
    checkTree: (i) => compiled.trees[i]!(values),
  });
}

/**
 * How the compiled path decides a standard's conditions: `generated` for the bundled standards
 * (JavaScript written at build time), `function` for rule files loaded at run time, `closures`
 * where the environment forbids generating code (a strict Content-Security-Policy).
 */
export function evaluationPath(standard: Standard | BundledStandardId): EvaluationPath {
  return compileStandard(standardOf(standard)).compiledWith;
}

/**
 * A standard applies only to records of its facility type: another type throws FacilityTypeError.
 * A record that gives no type is evaluated as the standard's type, and its report says so.
 */
function fitsType(record: FacilityRecord, standard: Standard): void {
  if (record.type !== undefined && record.type !== standard.facilityType) {
    throw new FacilityTypeError(standard, record.type, record.name ?? record.id);
  }
}

function typeAssumed(standard: Standard): Notice {
  const { zh, en } = label('facilityTypes', standard.facilityType);
  return {
    code: 'type-assumed',
    path: 'type',
    values: { type: standard.facilityType },
    message: { zh: `记录未填机构类型，按标准 ${standard.id} 视为${zh}`, en: `the record gives no type: taken as a ${en}, the type of ${standard.id}` },
  };
}

const standardOf = (standard: Standard | BundledStandardId) => (typeof standard === 'string' ? bundledStandard(standard) : standard);

/**
 * How one evaluation path decides a standard's conditions for a record: each in three-valued
 * logic, and the result tree of a check found not met, from which its gap items are built.
 */
interface Decisions {
  applicability(): Truth;
  when(requirement: number): Truth;
  check(requirement: number): Truth;
  checkTree(requirement: number): ResultNode;
}

/** The report from the decisions of a standard's conditions, whichever path made them. */
function buildReport(record: FacilityRecord, standard: Standard, values: ReadonlyMap<string, FactValue>, decide: Decisions): Report {
  const applicable: Truth = standard.applicability ? decide.applicability() : true;
  const shapes = shapesOf(standard);
  const counts: OutcomeCounts = { met: 0, gap: 0, unknown: 0, 'not-applicable': 0, waived: 0 };
  let requiredGap = false;
  let requiredUnknown = false;

  const requirements = standard.requirements.map((requirement, i) => {
    const item =
      applicable === false
        ? result(shapes[i]!, 'not-applicable', notApplicableMessage)
        : evaluateRequirement(requirement, i, shapes[i]!, record, values, decide);
    counts[item.outcome]++;
    if (item.severity === 'required') {
      requiredGap ||= item.outcome === 'gap';
      requiredUnknown ||= item.outcome === 'unknown';
    }
    return item;
  });

  const outcome: StandardOutcome =
    applicable === false ? 'not-applicable' : requiredGap ? 'gap' : applicable === 'unknown' || requiredUnknown ? 'unknown' : 'met';
  return {
    standard: { id: standard.id, version: standard.version, title: standard.title },
    facility: { ...(record.id !== undefined && { id: record.id }), ...(record.name !== undefined && { name: record.name }) },
    outcome,
    applicable,
    counts,
    requirements,
    ...(record.type === undefined && { notices: [typeAssumed(standard)] }),
  };
}

function evaluateRequirement(
  requirement: Requirement,
  i: number,
  shape: Shape,
  record: FacilityRecord,
  values: ReadonlyMap<string, FactValue>,
  decide: Decisions,
): RequirementResult {
  if (requirement.when) {
    const applies = decide.when(i);
    if (applies === false) return result(shape, 'not-applicable', notApplicableMessage);
    if (applies === 'unknown') return unknown(shape, undecidedFields(requirement.when, values, record));
  }
  const truth = decide.check(i);
  if (truth === 'unknown') return unknown(shape, undecidedFields(requirement.check, values, record));
  // A count that can come from more than one place says which it came from.
  const counted = shape.countFact && countedBy(shape.countFact, record);
  const saying = (text: LocalizedText) => (counted ? { zh: `${text.zh}（${counted.message.zh}）`, en: `${text.en} (${counted.message.en})` } : text);
  if (truth === true) return counted ? { ...result(shape, 'met', saying(metMessage)), counted } : result(shape, 'met', metMessage);

  const findings = findingsOf(requirement.check, decide.checkTree(i), values);
  const text = saying(gapMessage(findings.map((f) => f.message)));
  const withCount = counted ? { counted } : {};
  if (findings.length === 1) {
    const { operator: _operator, message: _message, ...only } = findings[0]!;
    return { ...gap(shape, text, only), ...withCount };
  }
  const missing = [...new Set(findings.flatMap((f) => f.missing ?? []))];
  return { ...gap(shape, text, { ...(missing.length > 0 && { missing }), findings }), ...withCount };
}

/** What a requirement's result holds whatever the facility: computed once per standard. */
interface Shape {
  readonly standard: string;
  readonly requirement: string;
  readonly clause: string;
  readonly severity: Requirement['severity'];
  readonly title: Requirement['title'];
  readonly note: string | undefined;
  readonly source: RequirementResult['source'];
  /** A count fact of the check whose report says what it counted (at most one per requirement). */
  readonly countFact: FactDefinition | undefined;
}

const shapes = new WeakMap<Standard, readonly Shape[]>();

function shapesOf(standard: Standard): readonly Shape[] {
  let done = shapes.get(standard);
  if (done) return done;
  done = standard.requirements.map(({ id, clause, severity, title, note, provenance, alterations, check }) => ({
    countFact: countFacts(check)[0],
    standard: `${standard.id}@${standard.version}`,
    requirement: id,
    clause,
    severity,
    title,
    note,
    source: {
      standard: provenance.standard,
      file: provenance.file,
      line: provenance.line,
      document: provenance.document.file ?? provenance.document.url ?? provenance.document.title,
      ...(alterations.length > 0 && {
        alteredBy: alterations.map(({ provenance: by, reason }) => ({
          standard: by.standard,
          file: by.file,
          line: by.line,
          reason,
          ...(by.clause !== undefined && { clause: by.clause }),
        })),
      }),
    },
  }));
  shapes.set(standard, done);
  return done;
}

function unknown(shape: Shape, fields: string[]): UnknownResult {
  return base(shape, 'unknown', unknownMessage(fields), { unknownFacts: fields }) as UnknownResult;
}

function gap(shape: Shape, message: LocalizedText, details: GapDetails): GapResult {
  return base(shape, 'gap', message, details) as GapResult;
}

function result<O extends 'met' | 'not-applicable'>(shape: Shape, outcome: O, message: LocalizedText): RequirementResultBase & { readonly outcome: O } {
  // Written out: a literal of one shape is much cheaper than spreads, and this is the common case.
  if (shape.note === undefined) {
    return {
      standard: shape.standard,
      requirement: shape.requirement,
      clause: shape.clause,
      severity: shape.severity,
      outcome,
      title: shape.title,
      message,
      source: shape.source,
    };
  }
  return base(shape, outcome, message, {}) as RequirementResultBase & { readonly outcome: O };
}

/**
 * A result in the one key order every outcome keeps, as JSON readers see it: what it is, its
 * outcome, its title, the details of the outcome, the sentence, the note and the source.
 */
function base(shape: Shape, outcome: RequirementResult['outcome'], message: LocalizedText, details: object): RequirementResultBase & { readonly outcome: RequirementResult['outcome'] } {
  return {
    standard: shape.standard,
    requirement: shape.requirement,
    clause: shape.clause,
    severity: shape.severity,
    outcome,
    title: shape.title,
    ...details,
    message,
    ...(shape.note !== undefined && { note: shape.note }),
    source: shape.source,
  };
}
