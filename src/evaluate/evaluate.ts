import { Diagnostic, RecordError } from '../diagnostic.js';
import { message } from '../diagnostics/messages.js';
import { readFacts } from '../record/facts.js';
import { parseRecord } from '../record/parse.js';
import type { FacilityRecord, FacilityRecordInput } from '../record/schema.js';
import { bundledStandard, bundledStandards, selectStandards } from '../standard/registry.js';
import { knownRegions, normalizeRegion, unplacedNotice } from '../standard/region.js';
import type { BundledStandardId } from '../standard/ids.js';
import type { Standard } from '../standard/types.js';
import { compileStandard, type EvaluationPath } from './compile.js';
import { decisionIndex } from './codegen.js';
import { judge, type Truth } from './gap.js';
import { buildReport, evaluateRecordSync, fitsType } from './report.js';
import type { Report } from './result.js';

export { evaluateRecordSync };

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
  // json-rules-engine is loaded only when asked for: the compiled path does not need it.
  const { ruleName, runRules } = await import('./engine.js');
  const values = readFacts(record, compileStandard(standard).facts);
  const trees = await runRules(standard, values);
  const tree = (name: string) => trees.get(name)!;
  // Every decision the engine's result trees give, laid out as the compiled path lays them out.
  const truths: Truth[] = [];
  if (standard.applicability) truths[decisionIndex.applicability] = judge(standard.applicability.when, tree(ruleName.applicability), values);
  standard.requirements.forEach((requirement, i) => {
    if (requirement.when) truths[decisionIndex.when(i)] = judge(requirement.when, tree(ruleName.when(requirement.id)), values);
    truths[decisionIndex.check(i)] = judge(requirement.check, tree(ruleName.check(requirement.id)), values);
  });
  return buildReport(record, standard, values, { truths, checkTree: (i) => tree(ruleName.check(standard.requirements[i]!.id)) });
}

/**
 * How the compiled path decides a standard's conditions: `generated` for the bundled standards
 * (JavaScript written at build time), `function` for rule files loaded at run time, `closures`
 * where the environment forbids generating code (a strict Content-Security-Policy).
 */
export function evaluationPath(standard: Standard | BundledStandardId): EvaluationPath {
  return compileStandard(standardOf(standard)).compiledWith;
}

const standardOf = (standard: Standard | BundledStandardId) => (typeof standard === 'string' ? bundledStandard(standard) : standard);

