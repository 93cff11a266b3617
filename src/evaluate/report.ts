// One facility against one standard: the report, from the decisions of the standard's
// conditions, whichever path made them. What the per-standard modules bundle: no registry, no
// json-rules-engine, no zod.
import { FacilityTypeError } from '../diagnostic.js';
import type { Notice } from '../notice.js';
import { readFacts, type FactDefinition, type FactValue } from '../record/facts.js';
import { label } from '../record/vocabulary.js';
import type { FacilityRecord } from '../record/schema.js';
import { gapMessage, metMessage, notApplicableMessage, unknownMessage } from '../report/messages.js';
import type { Requirement, Standard } from '../standard/types.js';
import { decisionIndex } from './codegen.js';
import { compileStandard } from './compile.js';
import { countedBy, countFacts } from './counted.js';
import type { ResultNode } from './engine.js';
import { findingsOf, undecidedFields, type Truth } from './gap.js';
import type { LocalizedText } from '../text.js';
import type { CountedBy, GapDetails, GapResult, OutcomeCounts, Report, RequirementResult, RequirementResultBase, StandardOutcome, UnknownResult } from './result.js';

/** Evaluates a validated record on the compiled path. */
export function evaluateRecordSync(record: FacilityRecord, standard: Standard): Report {
  return evaluateCompiled(record, standard, 'all');
}

/**
 * The report with only the requirements still open listed (gaps and unknowns), its outcome and
 * counts those of the full report: what a batch's gap list keeps, without building the results
 * it would drop. Waivers apply to it as to the full report.
 */
export function evaluateOpenRequirements(record: FacilityRecord, standard: Standard): Report {
  return evaluateCompiled(record, standard, 'open');
}

/** Which requirements a report lists: every one, or only those still open (gap, unknown). */
type Listed = 'all' | 'open';

function evaluateCompiled(record: FacilityRecord, standard: Standard, listed: Listed): Report {
  fitsType(record, standard);
  const compiled = compileStandard(standard);
  const values = readFacts(record, compiled.facts);
  const truths = compiled.decide(values);
  return buildReport(record, standard, values, { truths, checkTree: (i) => compiled.trees[i]!(values) }, listed);
}

/**
 * A standard applies only to records of its facility type: another type throws FacilityTypeError.
 * A record that gives no type is evaluated as the standard's type, and its report says so.
 */
export function fitsType(record: FacilityRecord, standard: Standard): void {
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

/**
 * How one evaluation path decides a standard's conditions for a record: each in three-valued
 * logic, and the result tree of a check found not met, from which its gap items are built.
 */
export interface Decisions {
  /** Every decision, laid out as `decisionIndex` says; none after a decisive `false`. */
  readonly truths: readonly (Truth | undefined)[];
  /** The result tree of a requirement's check, for the gap items of one found not met. */
  checkTree(requirement: number): ResultNode;
}

/** The report from the decisions of a standard's conditions, whichever path made them. */
export function buildReport(
  record: FacilityRecord,
  standard: Standard,
  values: ReadonlyMap<string, FactValue>,
  decide: Decisions,
  listed: Listed = 'all',
): Report {
  const { truths } = decide;
  const applicable: Truth = standard.applicability ? truths[decisionIndex.applicability]! : true;
  const shapes = shapesOf(standard);
  const counts: OutcomeCounts = { met: 0, gap: 0, unknown: 0, 'not-applicable': 0, waived: 0 };
  let requiredGap = false;
  let requiredUnknown = false;

  const requirements: RequirementResult[] = [];
  for (let i = 0; i < standard.requirements.length; i++) {
    const requirement = standard.requirements[i]!;
    const decided = decisionOf(requirement, i, applicable, truths);
    // A report of the open requirements counts the settled ones without building them.
    if (listed === 'open' && (decided === 'met' || decided === 'not-applicable')) {
      counts[decided]++;
      continue;
    }
    const item = resultOf(decided, requirement, i, shapes[i]!, record, values, decide);
    counts[item.outcome]++;
    if (item.severity === 'required') {
      requiredGap ||= item.outcome === 'gap';
      requiredUnknown ||= item.outcome === 'unknown';
    }
    requirements.push(item);
  }

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

/** What the decisions say of a requirement, before any result is built; `unknown-when` is a `when` left open. */
type Decided = 'met' | 'not-applicable' | 'gap' | 'unknown' | 'unknown-when';

function decisionOf(requirement: Requirement, i: number, applicable: Truth, truths: Decisions['truths']): Decided {
  if (applicable === false) return 'not-applicable';
  if (requirement.when) {
    const applies = truths[decisionIndex.when(i)];
    if (applies === false) return 'not-applicable';
    if (applies === 'unknown') return 'unknown-when';
  }
  const truth = truths[decisionIndex.check(i)];
  return truth === 'unknown' ? 'unknown' : truth ? 'met' : 'gap';
}

function resultOf(
  decided: Decided,
  requirement: Requirement,
  i: number,
  shape: Shape,
  record: FacilityRecord,
  values: ReadonlyMap<string, FactValue>,
  decide: Decisions,
): RequirementResult {
  if (decided === 'not-applicable') return result(shape, 'not-applicable', notApplicableMessage);
  if (decided === 'unknown-when') return unknown(shape, undecidedFields(requirement.when!, values, record));
  if (decided === 'unknown') return unknown(shape, undecidedFields(requirement.check, values, record));
  // A count that can come from more than one place says which it came from.
  const counted = shape.countFact && countedBy(shape.countFact, record);
  if (decided === 'met') return counted ? { ...result(shape, 'met', saying(metMessage, counted)), counted } : result(shape, 'met', metMessage);

  const findings = findingsOf(requirement.check, decide.checkTree(i), values);
  const text = saying(gapMessage(findings.map((f) => f.message)), counted);
  const withCount = counted ? { counted } : {};
  if (findings.length === 1) {
    const { operator: _operator, message: _message, ...only } = findings[0]!;
    return { ...gap(shape, text, only), ...withCount };
  }
  const missing = [...new Set(findings.flatMap((f) => f.missing ?? []))];
  return { ...gap(shape, text, { ...(missing.length > 0 && { missing }), findings }), ...withCount };
}

/** A sentence with what a count was taken from, when it says. */
function saying(text: LocalizedText, counted: CountedBy | undefined): LocalizedText {
  return counted ? { zh: `${text.zh}（${counted.message.zh}）`, en: `${text.en} (${counted.message.en})` } : text;
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
