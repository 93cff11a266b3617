import { Diagnostic, RecordError } from '../diagnostic.js';
import { readFacts, type FactValue } from '../record/facts.js';
import { parseRecord } from '../record/parse.js';
import type { FacilityRecord, FacilityRecordInput } from '../record/schema.js';
import { gapMessage, metMessage, notApplicableMessage, unknownMessage } from '../report/messages.js';
import { bundledStandard, bundledStandardsFor } from '../standard/registry.js';
import type { Requirement, Standard } from '../standard/types.js';
import { factsUsedBy, runCompiled } from './compile.js';
import { ruleName, runRules, type ResultNode } from './engine.js';
import { findingsOf, judge, undecidedFields, type Truth } from './gap.js';
import { outcomes, type Outcome, type OutcomeCounts, type Report, type RequirementResult } from './result.js';

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
  standard: Standard | string,
  options: EvaluateOptions = {},
): Promise<Report> {
  return evaluateRecord(parseRecord(record), standardOf(standard), options);
}

/** Like evaluate, synchronously, on the compiled path: for a form re-evaluated on every keystroke. */
export function evaluateSync(record: FacilityRecordInput, standard: Standard | string): Report {
  return evaluateRecordSync(parseRecord(record), standardOf(standard));
}

/** Evaluates a record against every bundled standard for its facility type in force where it is. */
export async function evaluateAll(record: FacilityRecordInput, options: EvaluateOptions = {}): Promise<Report[]> {
  const valid = parseRecord(record);
  if (valid.type === undefined) {
    throw new RecordError('Cannot choose standards for the record:', [
      new Diagnostic('"type" is needed to choose the standards (village-clinic or township-health-center)', { path: 'type' }),
    ]);
  }
  const reports: Report[] = [];
  for (const standard of bundledStandardsFor(valid.type, valid.region)) reports.push(await evaluateRecord(valid, standard, options));
  return reports;
}

/** Evaluates a record that has already been validated. */
export async function evaluateRecord(record: FacilityRecord, standard: Standard, options: EvaluateOptions = {}): Promise<Report> {
  if (options.engine !== 'json-rules-engine') return evaluateRecordSync(record, standard);
  const values = readFacts(record, factsUsedBy(standard));
  return buildReport(record, standard, values, await runRules(standard, values));
}

/** Evaluates a validated record on the compiled path. */
export function evaluateRecordSync(record: FacilityRecord, standard: Standard): Report {
  const values = readFacts(record, factsUsedBy(standard));
  return buildReport(record, standard, values, runCompiled(standard, values));
}

const standardOf = (standard: Standard | string) => (typeof standard === 'string' ? bundledStandard(standard) : standard);

/** The report from the condition trees of a standard's rules, whichever path evaluated them. */
function buildReport(
  record: FacilityRecord,
  standard: Standard,
  values: ReadonlyMap<string, FactValue>,
  trees: ReadonlyMap<string, ResultNode>,
): Report {
  const tree = (name: string) => trees.get(name)!;

  const applicable: Truth = standard.applicability
    ? judge(standard.applicability.when, tree(ruleName.applicability), values)
    : true;

  const requirements = standard.requirements.map((requirement) =>
    applicable === false
      ? result(standard, requirement, 'not-applicable', {})
      : evaluateRequirement(standard, requirement, record, values, tree),
  );

  const counts = Object.fromEntries(outcomes.map((o) => [o, 0])) as OutcomeCounts;
  for (const r of requirements) counts[r.outcome]++;

  return {
    standard: { id: standard.id, version: standard.version, title: standard.title },
    facility: { ...(record.id !== undefined && { id: record.id }), ...(record.name !== undefined && { name: record.name }) },
    outcome: applicable === false ? 'not-applicable' : standardOutcome(requirements, applicable),
    applicable,
    counts,
    requirements,
  };
}

function standardOutcome(requirements: readonly RequirementResult[], applicable: Truth): Outcome {
  const required = requirements.filter((r) => r.severity === 'required');
  if (required.some((r) => r.outcome === 'gap')) return 'gap';
  if (applicable === 'unknown' || required.some((r) => r.outcome === 'unknown')) return 'unknown';
  return 'met';
}

function evaluateRequirement(
  standard: Standard,
  requirement: Requirement,
  record: FacilityRecord,
  values: ReadonlyMap<string, FactValue>,
  tree: (name: string) => ResultNode,
): RequirementResult {
  if (requirement.when) {
    const applies = judge(requirement.when, tree(ruleName.when(requirement.id)), values);
    if (applies === false) return result(standard, requirement, 'not-applicable', {});
    if (applies === 'unknown') {
      return result(standard, requirement, 'unknown', { unknownFacts: undecidedFields(requirement.when, values, record) });
    }
  }
  const node = tree(ruleName.check(requirement.id));
  const truth = judge(requirement.check, node, values);
  if (truth === true) return result(standard, requirement, 'met', {});
  if (truth === 'unknown') {
    return result(standard, requirement, 'unknown', { unknownFacts: undecidedFields(requirement.check, values, record) });
  }

  const findings = findingsOf(requirement.check, node, values);
  const message = gapMessage(findings.map((f) => f.message));
  if (findings.length === 1) {
    const { operator: _operator, message: _message, ...only } = findings[0]!;
    return result(standard, requirement, 'gap', { ...only, message });
  }
  const missing = [...new Set(findings.flatMap((f) => f.missing ?? []))];
  return result(standard, requirement, 'gap', { ...(missing.length > 0 && { missing }), findings, message });
}

type Details = Partial<Omit<RequirementResult, 'standard' | 'requirement' | 'clause' | 'severity' | 'outcome' | 'title' | 'source'>>;

function result(standard: Standard, requirement: Requirement, outcome: Outcome, details: Details): RequirementResult {
  const message =
    details.message ??
    (outcome === 'met'
      ? metMessage
      : outcome === 'unknown'
        ? unknownMessage(details.unknownFacts ?? [])
        : notApplicableMessage);
  const { provenance, alterations } = requirement;
  return {
    standard: `${standard.id}@${standard.version}`,
    requirement: requirement.id,
    clause: requirement.clause,
    severity: requirement.severity,
    outcome,
    title: requirement.title,
    ...details,
    message,
    ...(requirement.note !== undefined && { note: requirement.note }),
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
  };
}
