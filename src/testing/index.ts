// facility-standards/testing: a vitest helper for writing a standard (a county overlay, say) with
// its test cases, in the spirit of ESLint's RuleTester. Node only; vitest is a peer dependency.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative as relativePath, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateSync } from '../evaluate/evaluate.js';
import type { Outcome, Report, RequirementResult } from '../evaluate/result.js';
import { readRecordFile, ruleFilePaths } from '../files.js';
import type { FacilityRecordInput } from '../record/schema.js';
import { loadRules, type RuleFileText } from '../standard/load.js';
import { bundledStandards } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';

export type { FacilityRecordInput, Outcome, Report, RuleFileText, Standard };

/**
 * A gap a case expects: the requirement's id, and optionally what is missing or by how much.
 * Only what is given is compared, so `{ requirement: 'drugs' }` accepts any shortfall. A bare id
 * is short for `{ requirement: id }`.
 */
export type ExpectedGap = string | GapSummary;

/** A record that meets every requirement of the standard (or a named one). */
export type ValidCase = FacilityRecordInput | { readonly name: string; readonly record: FacilityRecordInput };

/** A record with gaps: every requirement that is not met must be listed, in any order. */
export interface InvalidCase {
  readonly name: string;
  readonly record: FacilityRecordInput;
  readonly gaps: readonly ExpectedGap[];
  /** The standard's outcome, when the case should assert it too (e.g. `met` despite an advisory gap). */
  readonly outcome?: Outcome;
}

/** A rule file to load: a path (a file or a directory of them), a `file:` URL, inline YAML, or its text with a name. */
export type RuleSource = string | URL | RuleFileText;

export interface StandardTestOptions {
  /**
   * The rule files to load with the bundled standards (which they may `extends`). Paths are
   * relative to `root`; a string with a line break is the YAML itself. Leave out to test a
   * bundled standard.
   */
  readonly rules?: readonly RuleSource[];
  /**
   * The directory that paths in `rules` and `base` are relative to: a path, or a `file:` URL
   * (`import.meta.url` stands for the directory of the file it is in). By default the directory
   * of the test file that calls `testStandard`, wherever vitest runs (`vitest --root`, a
   * workspace); the directory vitest runs in when that is not known.
   */
  readonly root?: string | URL;
  /** The id of the standard under test. */
  readonly standard: string;
  /**
   * A record every case starts from (or the path of a record file holding one): each case's
   * record is merged into it, objects key by key, lists and values replaced; a key set to
   * `undefined` is removed.
   */
  readonly base?: FacilityRecordInput | string | URL;
  /** Records that meet every requirement: the standard's outcome is `met` and no requirement is `gap` or `unknown`. */
  readonly valid?: readonly ValidCase[];
  /** Records with gaps, each listing every requirement that is `gap` (or `unknown`). */
  readonly invalid?: readonly InvalidCase[];
  /** The title of the `describe` block; the standard's id by default. */
  readonly title?: string;
}

/**
 * Registers a vitest `describe` block for a standard: one test that the rule files load, one per
 * valid case, one per invalid case. A failing case shows vitest's diff of the gaps expected and
 * found.
 *
 * ```ts
 * testStandard({
 *   rules: ['rules/county/village-clinic.yaml'],
 *   standard: 'county/village-clinic',
 *   base: 'fixtures/compliant.yaml',
 *   valid: [{ name: 'the compliant clinic', record: {} }],
 *   invalid: [{ name: '90 m²', record: { premises: { buildingArea: 90 } }, gaps: [{ requirement: 'building-area', shortfall: 10 }] }],
 * });
 * ```
 */
export function testStandard(options: StandardTestOptions): void {
  const root = rootOf(options.root);
  describe(options.title ?? options.standard, () => {
    let loading: Promise<Loaded> | undefined;
    const loaded = () => (loading ??= load(options, root));
    /** The standard and base record, or a skip when the rules did not load (the load test reports why). */
    const ready = async (skip: (note?: string) => never): Promise<Loaded> => {
      try {
        return await loaded();
      } catch {
        return skip('the rule files did not load');
      }
    };

    it(`loads ${options.standard}${options.rules?.length ? ` from ${options.rules.map(describeSource).join(', ')}` : ''}`, async () => {
      await loaded();
    });

    for (const [index, item] of (options.valid ?? []).entries()) {
      const { name, record } = isNamed(item) ? item : { name: `#${index + 1}`, record: item };
      it(`valid: ${name}`, async ({ skip }) => {
        const { standard, base } = await ready(skip);
        const comparison = compareValid(evaluateSync(mergeRecords(base, record) as FacilityRecordInput, standard));
        expect(comparison.actual, 'a valid record meets every requirement; not met').toEqual(comparison.expected);
      });
    }

    for (const item of options.invalid ?? []) {
      it(`invalid: ${item.name}`, async ({ skip }) => {
        const { standard, base } = await ready(skip);
        const comparison = compareInvalid(evaluateSync(mergeRecords(base, item.record) as FacilityRecordInput, standard), item);
        expect(comparison.actual, 'requirements not met (gap or unknown)').toEqual(comparison.expected);
      });
    }
  });
}

/** What the kit compares for one case: vitest diffs `actual` against `expected`. */
export interface CaseComparison {
  readonly actual: CaseSummary;
  readonly expected: CaseSummary;
}

export interface CaseSummary {
  readonly outcome?: Outcome;
  readonly gaps: readonly GapSummary[];
}

/** A gap as a case states it, and as a comparison shows what was found. */
export interface GapSummary {
  readonly requirement: string;
  /** `gap` (the default) or `unknown`: the record does not give a field the requirement needs. */
  readonly outcome?: 'gap' | 'unknown';
  /** Codes still missing (set requirements), in the order the report lists them. */
  readonly missing?: readonly string[];
  /** How far below the minimum, in the fact's unit (percentage points for ratios). */
  readonly shortfall?: number;
  /** How far above the maximum, in the fact's unit. */
  readonly excess?: number;
  /** For `unknown`: the record fields that would decide it. */
  readonly unknownFacts?: readonly string[];
}

/** A valid case: the standard is met and no requirement of any severity is `gap` or `unknown`. */
export function compareValid(report: Report): CaseComparison {
  return {
    actual: { outcome: report.outcome, gaps: problems(report).map(summarize) },
    expected: { outcome: 'met', gaps: [] },
  };
}

/**
 * An invalid case: the requirements that are `gap` or `unknown` are exactly the expected ones.
 * Each found gap shows only the fields its expectation gives; one that was not expected shows
 * all of them. Both lists are in the standard's order.
 */
export function compareInvalid(report: Report, expectation: Pick<InvalidCase, 'gaps' | 'outcome'>): CaseComparison {
  const order = new Map(report.requirements.map((r, i) => [r.requirement, i]));
  const wanted = expectation.gaps
    .map((gap) => (typeof gap === 'string' ? { requirement: gap } : gap))
    .map((gap, i) => ({ gap, rank: order.get(gap.requirement) ?? order.size + i }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ gap }) => gap);
  const byId = new Map(wanted.map((gap) => [gap.requirement, gap]));
  const gaps = problems(report).map((result) => {
    const full = summarize(result);
    const expected = byId.get(result.requirement);
    if (!expected) return full;
    const shown: Record<string, unknown> = { requirement: full.requirement };
    // The outcome shows when either side is `unknown`, so a gap found where an unknown was expected (or the reverse) shows.
    if (full.outcome === 'unknown' || expected.outcome === 'unknown') shown.outcome = full.outcome ?? 'gap';
    for (const key of ['missing', 'shortfall', 'excess', 'unknownFacts'] as const) {
      if (expected[key] !== undefined) shown[key] = full[key];
    }
    return shown as unknown as GapSummary;
  });
  const expectedGaps = wanted.map(({ outcome, ...rest }) => (outcome === 'unknown' ? { ...rest, outcome } : rest) as GapSummary);
  const withOutcome = expectation.outcome !== undefined;
  return {
    actual: { ...(withOutcome && { outcome: report.outcome }), gaps },
    expected: { ...(withOutcome && { outcome: expectation.outcome }), gaps: expectedGaps },
  };
}

const problems = (report: Report) => report.requirements.filter((r) => r.outcome === 'gap' || r.outcome === 'unknown');

function summarize(result: RequirementResult): GapSummary {
  return {
    requirement: result.requirement,
    ...(result.outcome === 'unknown' && { outcome: 'unknown' as const, unknownFacts: result.unknownFacts ?? [] }),
    ...(result.missing !== undefined && { missing: result.missing }),
    ...(result.shortfall !== undefined && { shortfall: result.shortfall }),
    ...(result.excess !== undefined && { excess: result.excess }),
  };
}

/**
 * `over` merged into `base`: plain objects key by key, anything else replaced; a key whose value
 * is `undefined` is removed.
 */
export function mergeRecords(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) delete out[key];
    else out[key] = mergeRecords(base[key], value);
  }
  return out;
}

interface Loaded {
  readonly standard: Standard;
  readonly base: FacilityRecordInput;
}

/** The directory relative paths are read from: the one given, or the calling test file's. */
function rootOf(root: StandardTestOptions['root']): string {
  if (root instanceof URL || (typeof root === 'string' && root.startsWith('file:'))) return fileURLToPath(new URL('.', root));
  if (root !== undefined) return resolve(root);
  const testFile = expect.getState().testPath;
  return testFile ? dirname(testFile) : process.cwd();
}

/** Loads the rule files with the bundled standards, and the base record. */
async function load(options: StandardTestOptions, root: string): Promise<Loaded> {
  const standards = await loadStandardsFrom(options.rules ?? [], root);
  const standard = standards.get(options.standard);
  if (!standard) {
    throw new Error(`No standard "${options.standard}" among the rule files and the bundled standards; loaded: ${[...standards.keys()].join(', ')}`);
  }
  return { standard, base: await baseRecord(options.base, root) };
}

/**
 * The standards of the given rule files together with the bundled ones. A bundled rule file
 * given by path is loaded from the path, in place of the bundled copy. Relative paths are read
 * from `root` (the directory vitest runs in by default).
 */
export async function loadStandardsFrom(sources: readonly RuleSource[], root: string = process.cwd()): Promise<Map<string, Standard>> {
  const relative = sources.filter((s) => typeof s !== 'object' || s instanceof URL).map(toPath).filter((p): p is string => p !== undefined);
  // Named relative to the directory vitest runs in, as people read them in its output.
  const paths = await ruleFilePaths(relative.map((p) => relativePath(process.cwd(), resolve(root, p)) || '.'));
  const texts = sources.filter((s): s is string | RuleFileText => !(s instanceof URL) && (typeof s === 'object' || s.includes('\n')));
  const files: RuleFileText[] = [
    ...(await Promise.all(paths.map(async (file) => ({ file, text: await readFile(file, 'utf8') })))),
    ...texts.map((s, i) => (typeof s === 'string' ? { file: `inline-${i + 1}.yaml`, text: s } : s)),
  ];
  const given = new Set(paths.map((p) => resolve(p)));
  const here = packageRoot();
  const base = new Map([...bundledStandards()].filter(([, s]) => !given.has(resolve(here, s.file))));
  const { standards } = loadRules(files, { base });
  return new Map([...base, ...standards]);
}

async function baseRecord(base: StandardTestOptions['base'], root: string): Promise<FacilityRecordInput> {
  if (base === undefined) return {};
  if (typeof base !== 'string' && !(base instanceof URL)) return base;
  const path = typeof base === 'string' ? resolve(root, base) : fileURLToPath(base);
  const records = await readRecordFile(path);
  if (records.length !== 1) throw new Error(`The base record file ${path} holds ${records.length} records; give it one`);
  return records[0]!;
}

function toPath(source: string | URL): string | undefined {
  if (source instanceof URL) return fileURLToPath(source);
  return source.includes('\n') ? undefined : source;
}

function describeSource(source: RuleSource): string {
  if (source instanceof URL) return fileURLToPath(source);
  if (typeof source === 'object') return source.file;
  return source.includes('\n') ? 'inline YAML' : source;
}

const isNamed = (item: ValidCase): item is { name: string; record: FacilityRecordInput } =>
  typeof item === 'object' && item !== null && 'record' in item;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

let root: string | undefined;

/** The directory of this package's package.json: bundled standards' `file` is relative to it. */
function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'facility-standards') return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) return (root = process.cwd());
    dir = parent;
  }
}
